package cn.qujiang.youth.e2e;

import static cn.qujiang.youth.e2e.Journeys.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.infra.KeycloakTokens;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** What keeps one applicant's data from another, and bad requests from changing anything. */
@Order(3)
class SecurityJourneyIT {

    @Test
    void anApplicantNeverReachesAnotherApplicantsData() {
        Applicant alice = Applicant.bornOn(LocalDate.of(1998, 2, 2));
        Applicant bob = Applicant.bornOn(LocalDate.of(1997, 7, 7));
        Journeys.saveProfileAndAwaitMatches(bob, bob.jobSeekerProfile(null));
        Http.Reply bobs = bob.http().post("/api/talent/me/applications", Map.of("measureCode", "QJY-01"));
        assertThat(bobs.status()).as(bobs.toString()).isEqualTo(201);
        String bobsApplication = bobs.json().path("id").asString();

        assertThat(alice.http().get("/api/talent/me/applications/" + bobsApplication).status()).isEqualTo(404);
        assertThat(alice.http().post("/api/talent/me/applications/" + bobsApplication + "/withdraw", Map.of()).status())
                .isEqualTo(404);
        assertThat(alice.http().get("/api/talent/me/profile").status()).isEqualTo(404);
        assertThat(bob.http().get("/api/talent/me/applications/" + bobsApplication).json().path("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void anApplicantCannotUseOfficerOrAdministratorEndpoints() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1996, 4, 4));

        assertThat(applicant.http().get("/api/talent/review/applications").status()).isEqualTo(403);
        assertThat(applicant.http().get("/api/policy/admin/measures").status()).isEqualTo(403);
        assertThat(applicant.http().get("/api/notifications/admin/deliveries").status()).isEqualTo(403);
    }

    @Test
    void serverOwnedFieldsCannotBeSetByTheClient() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1995, 5, 5));
        Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        Map<String, Object> sneaky = applicant.jobSeekerProfile(1L);
        sneaky.put("applicantId", "someone-else");
        sneaky.put("heldMeasures", java.util.List.of("QJY-05"));

        Http.Reply refused = applicant.http().put("/api/talent/me/profile", sneaky);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(applicant.http().get("/api/talent/me/profile").json().path("version").asLong()).isEqualTo(1);
        Http.Reply application = applicant.http().post("/api/talent/me/applications",
                Map.of("measureCode", "QJY-01", "status", "APPROVED"));
        assertThat(application.status()).isIn(400, 201);
        assertThat(applicant.http().get("/api/talent/me/applications").json().toString()).doesNotContain("APPROVED");
    }

    @Test
    void missingTamperedAndExpiredTokensAreRefusedAndInternalRoutesDoNotExist() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1994, 9, 9));
        String token = applicant.token();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        KeycloakTokens tokens = E2eStack.get().keycloak().tokens();
        String shortLived = tokens.password(KeycloakTokens.SHORT_LIVED_CLIENT, "applicant1", "Applicant1pass");

        assertThat(Http.anonymous().get("/api/talent/me/profile").status()).isEqualTo(401);
        Http.Reply forged = Http.as(() -> tampered).get("/api/talent/me/profile");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.isProblem()).isTrue();
        await().atMost(ASYNC).until(() -> Http.as(() -> shortLived).get("/api/talent/me/profile").status() == 401);
        assertThat(applicant.http().get("/internal/contacts/" + applicant.id).status()).isEqualTo(404);
        assertThat(Http.anonymous().get("/internal/contacts/" + applicant.id).status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1999, 12, 31));
        Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        String before = applicant.http().get("/api/talent/me/profile").body();

        Http.Reply malformed = applicant.http().send("PUT", "/api/talent/me/profile", "{\"name\": ", "application/json");
        Map<String, Object> wrongType = applicant.jobSeekerProfile(1L);
        wrongType.put("family", Map.of("childrenBirthDates", "two"));
        Map<String, Object> badChecksum = applicant.jobSeekerProfile(1L);
        String id = applicant.idNumber;
        badChecksum.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        Http.Reply wrongContentType = applicant.http().send("PUT", "/api/talent/me/profile", "name=x", "text/plain");
        Http.Reply oversized = applicant.http().send("PUT", "/api/talent/me/profile",
                "{\"name\":\"" + "长".repeat(300_000) + "\"}", "application/json");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(applicant.http().put("/api/talent/me/profile", wrongType).status()).isEqualTo(400);
        Http.Reply checksum = applicant.http().put("/api/talent/me/profile", badChecksum);
        assertThat(checksum.status()).isEqualTo(400);
        assertThat(checksum.body()).contains("idNumber").doesNotContain(badChecksum.get("idNumber").toString());
        assertThat(wrongContentType.status()).isEqualTo(415);
        assertThat(oversized.status()).isEqualTo(413);
        for (Http.Reply reply : new Http.Reply[] {malformed, checksum, wrongContentType, oversized}) {
            assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        }
        assertThat(applicant.http().get("/api/talent/me/profile").body()).isEqualTo(before);
    }
}

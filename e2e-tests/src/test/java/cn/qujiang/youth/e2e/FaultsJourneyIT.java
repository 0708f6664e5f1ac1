package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.stack.LocalStack;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Crashes lose nothing: every applicant ends with results for their latest profile, whatever was down meanwhile. */
@Order(9)
class FaultsJourneyIT {
    private static final Duration RECOVERY = Duration.ofSeconds(180);

    @Test
    void profilesSavedWhileMatchingIsKilledAreAllMatchedAfterItsRestart() {
        LocalStack stack = E2eStack.get();
        List<Applicant> applicants = IntStream.range(0, 6)
                .mapToObj(i -> Applicant.bornOn(LocalDate.of(1995 + i, 1 + i, 10 + i))).toList();
        applicants.forEach(a -> assertThat(a.http().put("/api/talent/me/profile", a.jobSeekerProfile(null)).status()).isEqualTo(201));

        stack.service("policy-service").kill();
        applicants.forEach(a -> {
            var profile = a.jobSeekerProfile(1L);
            profile.put("talentTier", "E");
            assertThat(a.http().put("/api/talent/me/profile", profile).status()).isEqualTo(200);
        });
        stack.restart("policy-service");

        await().atMost(RECOVERY).untilAsserted(() -> applicants.forEach(a ->
                assertThat(a.http().get("/api/talent/me/matches").json().path("profileVersion").asLong())
                        .as(a.username).isEqualTo(2)));
    }

    @Test
    void producersAndConsumersRecoverFromABrokerRestartOnTheirOwn() {
        LocalStack stack = E2eStack.get();
        Applicant applicant = Applicant.bornOn(LocalDate.of(2002, 8, 8));

        stack.kafka().crash();
        assertThat(applicant.http().put("/api/talent/me/profile", applicant.jobSeekerProfile(null)).status()).isEqualTo(201);
        stack.kafka().start();

        await().atMost(RECOVERY).untilAsserted(() ->
                assertThat(applicant.http().get("/api/talent/me/matches").json().path("profileVersion").asLong()).isEqualTo(1));
    }
}

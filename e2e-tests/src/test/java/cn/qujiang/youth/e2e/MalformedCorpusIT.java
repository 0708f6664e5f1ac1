package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.e2e.MalformedRequests.Malformed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hundreds of malformed requests, generated from the API documents the services serve (through the gateway) plus
 * hand-written nasties, sent to every write operation as the caller its route admits: none may be a server
 * failure, every answer is a problem with a stable code, and what the callers can read back is unchanged.
 * Operations with neither a body nor a path parameter ({@code DELETE /api/talent/me},
 * {@code POST /api/notifications/me/read-all}) take no input that could be malformed and are not sent.
 */
@Order(8)
class MalformedCorpusIT {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Below the gateway's 300 a minute per user, so the corpus reaches the services instead of the rate limit. */
    private static final int REQUESTS_PER_APPLICANT = 120;

    @Test
    void malformedRequestsAreRefusedWithProblemsAndChangeNothing() {
        Applicant applicant = Applicant.bornOn(LocalDate.of(1998, 3, 3));
        Journeys.saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        Http hr = Http.as(cached(() -> E2eStack.get().keycloak().tokens().password("hr2", "Hrofficer2pass")));
        Http admin = Http.as(cached(() -> E2eStack.get().keycloak().tokens().password("admin2", "Policyadmin2pass")));
        Map<String, String> before = readBack(applicant.http(), hr, admin);

        List<String> failures = new ArrayList<>();
        int sent = 0;
        int rateLimited = 0;
        Applicant caller = applicant;
        int sentAsCaller = 0;
        for (String service : List.of("talent", "policy", "notification")) {
            JsonNode document = Http.anonymous().get("/v3/api-docs/" + service).json();
            for (Map.Entry<String, List<Malformed>> operation : new MalformedRequests(document).byOperation().entrySet()) {
                for (Malformed request : operation.getValue()) {
                    if (sentAsCaller == REQUESTS_PER_APPLICANT) {
                        // a fresh applicant (without a profile) keeps the corpus under the per-user rate limit
                        caller = Applicant.bornOn(LocalDate.of(1997, 4, 4));
                        sentAsCaller = 0;
                    }
                    Http as = callerFor(operation.getKey(), caller.http(), hr, admin);
                    sentAsCaller += as == hr || as == admin ? 0 : 1;
                    Http.Reply reply = as.send(request.method(), request.path(), request.body(), request.contentType());
                    sent++;
                    rateLimited += reply.status() == 429 ? 1 : 0;
                    String problem = problemWith(reply);
                    if (problem != null) {
                        failures.add(operation.getKey() + " [" + request.what() + "] " + problem);
                    }
                }
            }
        }

        System.out.printf("malformed corpus: %d requests, %d rate-limited, %d failures%n", sent, rateLimited,
                failures.size());
        assertThat(sent).isGreaterThanOrEqualTo(200);
        assertThat(failures).as("requests not refused as a problem with a code").isEmpty();
        assertThat(rateLimited).as("requests stopped by the rate limit never tested a service").isLessThan(sent / 10);
        assertThat(readBack(applicant.http(), hr, admin)).isEqualTo(before);
    }

    /** Null when the reply is a refusal as it should be; else what is wrong with it. */
    private static String problemWith(Http.Reply reply) {
        if (reply.status() >= 500) {
            return "server failure " + abbreviated(reply);
        }
        if (reply.status() < 400) {
            return "accepted " + abbreviated(reply);
        }
        if (!reply.isProblem()) {
            return "not problem+json " + abbreviated(reply);
        }
        String code = reply.code();
        if (!CODE.matcher(code).matches() || reply.json().path("traceId").asString().isEmpty()) {
            return "no stable code or trace id " + abbreviated(reply);
        }
        return null;
    }

    /** The caller the gateway's route rules admit for the operation. */
    private static Http callerFor(String operation, Http applicant, Http hr, Http admin) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        if (path.startsWith("/api/policy/admin/")) {
            return admin;
        }
        if (path.startsWith("/api/talent/review/") || path.startsWith("/api/notifications/admin/")
                || path.matches("/api/policy/measures/[^/]+/eligible.*")) {
            return hr;
        }
        return applicant;
    }

    /** What the corpus's callers can read of the stored state. */
    private static Map<String, String> readBack(Http applicant, Http hr, Http admin) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/api/talent/me/profile", "/api/talent/me/applications",
                "/api/notifications/me/preferences", "/api/policy/me/results")) {
            state.put(path, applicant.get(path).body());
        }
        state.put("/api/policy/admin/measures", admin.get("/api/policy/admin/measures").body());
        state.put("/api/talent/review/applications", hr.get("/api/talent/review/applications").body());
        return state;
    }

    private static Supplier<String> cached(Supplier<String> token) {
        String[] held = new String[1];
        long[] at = new long[1];
        return () -> {
            if (held[0] == null || System.currentTimeMillis() - at[0] > 60_000) {
                held[0] = token.get();
                at[0] = System.currentTimeMillis();
            }
            return held[0];
        };
    }

    private static String abbreviated(Http.Reply reply) {
        String text = reply.toString();
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}

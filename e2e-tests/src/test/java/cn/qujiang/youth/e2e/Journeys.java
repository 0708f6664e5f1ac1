package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Steps several journeys share: save a profile and wait for its results, read what reached the applicant. */
final class Journeys {
    static final Duration ASYNC = Duration.ofSeconds(60);

    private Journeys() {
    }

    /** Saves the profile and waits until the match results reflect exactly that profile version. */
    static JsonNode saveProfileAndAwaitMatches(Applicant applicant, Map<String, Object> profile) {
        Http.Reply saved = applicant.http().put("/api/talent/me/profile", profile);
        assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
        long version = saved.json().path("version").asLong();
        JsonNode[] matches = new JsonNode[1];
        await().atMost(ASYNC).untilAsserted(() -> {
            JsonNode current = applicant.http().get("/api/talent/me/matches").json();
            assertThat(current.path("profileVersion").asLong()).isEqualTo(version);
            assertThat(current.path("results")).isNotEmpty();
            matches[0] = current;
        });
        return matches[0];
    }

    /**
     * Uploads a photo for every document the measure asks for that the applicant has not uploaded yet, as a resident
     * does before applying; returns the document ids by requirement key.
     */
    static Map<String, String> uploadRequiredDocuments(Applicant applicant, String measureCode) {
        Map<String, String> uploaded = new java.util.LinkedHashMap<>();
        JsonNode needed = applicant.http().get("/api/talent/me/measures/" + measureCode + "/documents").json();
        for (JsonNode requirement : needed.path("requirements")) {
            if ("MISSING".equals(requirement.path("state").asString())) {
                String key = requirement.path("key").asString();
                Http.Reply reply = applicant.http().upload("/api/talent/me/documents", key, key + ".png", "image/png",
                        photo());
                assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                uploaded.put(key, reply.json().path("id").asString());
            }
        }
        return uploaded;
    }

    /** A small photo of a document, made on the spot. */
    static byte[] photo() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 80,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 120, 80);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawString("ID 3308", 10, 40);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Saves a job seeker's profile, checks that it makes the applicant eligible for the measure, uploads the documents
     * it asks for and applies; the application's id.
     */
    static String applyAsJobSeeker(Applicant applicant, String measureCode) {
        JsonNode matches = saveProfileAndAwaitMatches(applicant, applicant.jobSeekerProfile(null));
        assertThat(result(matches, measureCode).path("outcome").asString()).isEqualTo("ELIGIBLE");
        uploadRequiredDocuments(applicant, measureCode);
        Http.Reply submitted = applicant.http().post("/api/talent/me/applications", Map.of("measureCode", measureCode));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().path("id").asString();
    }

    /** Waits until the district has offered the measure to the applicant (免申即享) and returns the offer's id. */
    static String awaitOffer(Applicant applicant, String measureCode) {
        String[] id = new String[1];
        await().atMost(ASYNC).untilAsserted(() -> {
            JsonNode mine = applicant.http().get("/api/talent/me/applications").json();
            JsonNode offer = stream(mine.has("applications") ? mine.path("applications") : mine)
                    .filter(a -> measureCode.equals(a.path("measureCode").asString()))
                    .findFirst().orElseThrow(() -> new AssertionError("no offer yet: " + mine));
            id[0] = offer.path("id").asString();
        });
        return id[0];
    }

    static JsonNode result(JsonNode matches, String measureCode) {
        return stream(matches.path("results")).filter(r -> measureCode.equals(r.path("measureCode").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + measureCode + " in " + matches));
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** An applicant who stays up late still wants their SMS now: quiet hours off, every channel on. */
    static void allChannelsAtAnyHour(Applicant applicant) {
        Map<String, Object> on = Map.of("inApp", true, "email", true, "sms", true);
        Http.Reply reply = applicant.http().put("/api/notifications/me/preferences", Map.of("match", on,
                "application", on, "language", "zh-CN",
                "smsQuietHours", Map.of("enabled", false, "from", "22:00", "to", "08:00")));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    static List<MimeMessage> mailTo(Applicant applicant) {
        return E2eStack.get().smtp().received().stream().filter(mail -> addressedTo(mail, applicant.email)).toList();
    }

    static List<JsonNode> smsTo(Applicant applicant) {
        return E2eStack.get().sms().received().stream()
                .filter(sms -> applicant.phone.equals(sms.path("phoneNumber").asString())).toList();
    }

    static List<JsonNode> inbox(Applicant applicant) {
        return stream(applicant.http().get("/api/notifications/me?size=100").json().path("items")).toList();
    }

    static String body(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                collect(multipart, text);
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(jakarta.mail.Multipart multipart, StringBuilder text) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof jakarta.mail.Multipart nested) {
                collect(nested, text);
            } else {
                text.append(part).append('\n');
            }
        }
    }

    private static boolean addressedTo(MimeMessage mail, String email) {
        try {
            Address[] to = mail.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(address -> address.toString().contains(email));
        } catch (MessagingException e) {
            return false;
        }
    }
}

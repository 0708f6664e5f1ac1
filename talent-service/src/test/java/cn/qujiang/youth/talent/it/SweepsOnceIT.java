package cn.qujiang.youth.talent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qujiang.youth.contracts.EventType;
import cn.qujiang.youth.contracts.Topics;
import cn.qujiang.youth.infra.ShiftableClock;
import cn.qujiang.youth.kit.messaging.OutboxRelay;
import cn.qujiang.youth.talent.ServiceZone;
import cn.qujiang.youth.talent.TalentApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on the same MongoDB-wire server and Kafka broker (the shared test context and a
 * second one started here): every sweep runs on one instance at a time, and a benefit whose term ran out is ended
 * once, with one BenefitEnded, although both instances' expiry sweeps fire every second.
 */
class SweepsOnceIT extends TalentIntegrationTest {
    private static final Set<String> SWEEPS = Set.of("talent.holding-expiry", "talent.erasure-sweep",
            "talent.claim-recovery", "talent.held-measures-recovery");

    private final ShiftableClock clock;
    private ConfigurableApplicationContext second;

    SweepsOnceIT(@LocalServerPort int port, MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxRelay relay, ShiftableClock clock) {
        super(port, mongo, kafka, relay);
        this.clock = clock;
    }

    @AfterEach
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
        clock.setTo(Instant.now());
    }

    @Test
    void eachSweepRunsOnOneInstanceAtATimeAndAnExpiredBenefitEndsOnce() {
        ensureCatalogue(BenefitLifeIT.YEARLY);
        createProfile(User.APPLICANT1, "张三", ApplicationIT.ID_A, "13812345678", "zhang@example.com");
        eligible(User.APPLICANT1, List.of(), BenefitLifeIT.YEARLY.code());
        Http.Response applied = apply(User.APPLICANT1, BenefitLifeIT.YEARLY.code());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.json().get("id").asString();
        assertThat(decide(User.HR1, id, 1, "APPROVE", "CRITERIA_MET").status()).isEqualTo(200);

        // as arguments: they outrank application.yml, as the test context's dynamic properties do
        Map<String, Object> arguments = new java.util.LinkedHashMap<>(properties());
        arguments.put("server.port", "0");
        arguments.put("qujiang.it.instance", "second");
        second = new SpringApplicationBuilder(TalentApplication.class, DistrictClock.class, SweepLockLog.class)
                .run(arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        ShiftableClock secondClock = second.getBean(ShiftableClock.class);
        Instant started = Instant.now();

        try (TopicProbe applications = probe(Topics.TALENT_APPLICATION)) {
            Instant nextYear = LocalDate.now(ServiceZone.ZONE).plusYears(1).withDayOfYear(1).atTime(LocalTime.of(0, 10))
                    .atZone(ServiceZone.ZONE).toInstant();
            clock.setTo(nextYear);
            secondClock.setTo(nextYear);

            await().atMost(Duration.ofSeconds(20)).until(() -> "ENDED".equals(status(id)));
            applications.awaitExactly(ApplicationIT.ofType(EventType.BENEFIT_ENDED)
                    .and(record -> record.value().contains(id)), 1, Duration.ofSeconds(4));
        }
        JsonNode timeline = http.get("/api/talent/me/applications/" + id).token(token(User.APPLICANT1)).send().json()
                .get("timeline");
        assertThat(timeline.findValuesAsString("reason").stream().filter("享受期已满"::equals))
                .as("one ending in the timeline").hasSize(1);

        List<SweepLockLog.Run> runs = SweepLockLog.RUNS.stream()
                .filter(run -> !run.from().isBefore(started) && SWEEPS.contains(run.lock())).toList();
        assertThat(runs.stream().map(SweepLockLog.Run::instance).collect(Collectors.toSet()))
                .as("both instances run sweeps").containsExactlyInAnyOrder("first", "second");
        assertThat(runs.stream().map(SweepLockLog.Run::lock).collect(Collectors.toSet()))
                .as("every sweep goes through its lock").isEqualTo(SWEEPS);
        for (SweepLockLog.Run run : runs) {
            assertThat(runs).as("runs of %s overlapping %s", run.lock(), run)
                    .noneMatch(other -> other != run && other.lock().equals(run.lock())
                            && !other.instance().equals(run.instance()) && other.overlaps(run));
        }
    }

    private String status(String id) {
        return http.get("/api/talent/me/applications/" + id).token(token(User.APPLICANT1)).send().json()
                .get("status").asString();
    }
}

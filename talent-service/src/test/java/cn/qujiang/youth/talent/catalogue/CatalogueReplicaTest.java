package cn.qujiang.youth.talent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.contracts.MeasurePublished;
import cn.qujiang.youth.contracts.MeasurePublished.Mode;
import cn.qujiang.youth.contracts.MeasurePublished.Status;
import cn.qujiang.youth.talent.InMemoryMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueReplicaTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private InMemoryMongo mongo;
    private CatalogueReplica replica;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        replica = new CatalogueReplica(mongo.template());
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    static MeasurePublished measure(String code, int version, Status status, LocalDate closes, List<String> excludes) {
        return new MeasurePublished(code, version, status, LocalizedText.of("政策", "Measure"), "HOUSING", Mode.APPLY,
                LocalDate.of(2024, 1, 1), closes, null, excludes, "CASH", "YUAN", 5, Instant.parse("2026-01-10T01:00:00Z"),
                List.of(), null);
    }

    @Test
    void theHighestVersionWinsWhateverTheOrder() {
        assertThat(replica.apply(measure("QJY-05", 2, Status.ACTIVE, null, List.of()))).isTrue();
        assertThat(replica.apply(measure("QJY-05", 1, Status.ACTIVE, LocalDate.of(2020, 1, 1), List.of()))).isFalse();
        assertThat(replica.find("QJY-05").orElseThrow().version()).isEqualTo(2);
        assertThat(replica.apply(measure("QJY-05", 2, Status.ACTIVE, null, List.of())))
                .as("a redelivery of the held version counts as held").isTrue();
        assertThat(replica.apply(measure("QJY-05", 3, Status.RETIRED, null, List.of()))).isTrue();
        assertThat(replica.openOn("QJY-05", TODAY)).as("retired = closed").isFalse();
    }

    @Test
    void takesTheGoldenSampleOfTheContract() throws Exception {
        String golden;
        try (var in = cn.qujiang.youth.contracts.EventType.class.getClassLoader()
                .getResourceAsStream(cn.qujiang.youth.contracts.EventType.MEASURE_PUBLISHED.goldenResource())) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        MeasurePublished measure = cn.qujiang.youth.contracts.EventJson.read(golden, MeasurePublished.class);
        assertThat(replica.apply(measure)).isTrue();
        assertThat(replica.find("QJY-01")).contains(measure);
        assertThat(replica.openOn("QJY-01", TODAY)).isTrue();
    }

    @Test
    void windowsAreReadOnTheGivenDay() {
        replica.apply(measure("QJY-06", 1, Status.ACTIVE, TODAY, List.of()));
        assertThat(replica.openOn("QJY-06", TODAY)).isTrue();
        assertThat(replica.openOn("QJY-06", TODAY.plusDays(1))).isFalse();
        assertThat(replica.openOn("QJY-99", TODAY)).isFalse();
    }

    @Test
    void exclusionsWorkWhicheverSideDeclaresThem() {
        replica.apply(measure("RENT", 1, Status.ACTIVE, null, List.of("BUY")));
        replica.apply(measure("BUY", 1, Status.ACTIVE, null, List.of()));
        replica.apply(measure("LODGE", 1, Status.ACTIVE, null, List.of()));
        assertThat(replica.excludedBy("BUY", List.of("RENT", "LODGE"))).containsExactly("RENT");
        assertThat(replica.excludedBy("RENT", List.of("BUY"))).containsExactly("BUY");
        assertThat(replica.excludedBy("LODGE", List.of("RENT", "BUY"))).isEmpty();
    }

    @Test
    void saysWhichMeasuresAreGrantedWithoutApplying() {
        MeasurePublished applied = measure("QJY-07", 1, Status.ACTIVE, null, List.of());
        replica.apply(applied);
        replica.apply(new MeasurePublished("QJY-08", 1, Status.ACTIVE, LocalizedText.of("政策", "Measure"), "LIVING",
                Mode.AUTO_GRANT, LocalDate.of(2024, 1, 1), null, null, List.of(), "CASH", "YUAN", 5,
                Instant.parse("2026-01-10T01:00:00Z"), List.of(), null));
        replica.apply(new MeasurePublished("QJY-09", 1, Status.ACTIVE, LocalizedText.of("政策", "Measure"), "LIVING",
                Mode.AUTO_GRANT, LocalDate.of(2024, 1, 1), null, null, List.of(), "CASH", "YUAN", 5,
                Instant.parse("2026-01-10T01:00:00Z"), List.of(), null));
        assertThat(replica.autoGranted(List.of("QJY-09", "QJY-07", "QJY-99", "QJY-08")))
                .as("in the order asked; applied-for and unknown measures left out").containsExactly("QJY-09", "QJY-08");
        assertThat(replica.autoGranted(List.of("QJY-07"))).isEmpty();
        assertThat(replica.autoGranted(List.of())).isEmpty();
    }
}

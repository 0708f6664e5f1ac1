package cn.qujiang.youth.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type reads its golden sample and writes it back field for field: the wire format is fixed here. */
class GoldenSamplesTest {

    private final JsonMapper tree = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void roundTripsTheGoldenSample(EventType type) throws IOException {
        String golden = golden(type);

        Object payload = EventJson.read(golden, type);

        assertThat(payload).isInstanceOf(type.payloadType());
        assertThat(EventType.of(payload)).isEqualTo(type);
        JsonNode written = tree.readTree(EventJson.write(payload));
        assertThat(written).isEqualTo(tree.readTree(golden));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeIdsAreLogicalNamesNotJavaClasses(EventType type) {
        assertThat(type.typeId()).startsWith("cn.qujiang.youth.").matches(".*\\.v[1-9][0-9]*")
                .doesNotContain(type.payloadType().getPackageName() + ".");
        assertThat(EventType.byTypeId(type.typeId())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void unknownFieldsFromANewerProducerAreIgnored(EventType type) throws IOException {
        String golden = golden(type);
        String newer = golden.replaceFirst("\\{", "{ \"addedLater\" : 42,");

        assertThat(EventJson.read(newer, type)).isEqualTo(EventJson.read(golden, type));
    }

    @org.junit.jupiter.api.Test
    void profileFactsCarryNoPersonalIdentifiers() throws IOException {
        String facts = resource("golden-facts.json");
        assertThat(facts).doesNotContainIgnoringCase("name").doesNotContainIgnoringCase("phone")
                .doesNotContainIgnoringCase("email").doesNotContainIgnoringCase("idNumber");
    }

    @org.junit.jupiter.api.Test
    void theProfileEventCarriesItsFactsOnlySealed() throws IOException {
        String golden = golden(EventType.APPLICANT_PROFILE_CHANGED);
        ApplicantProfileChanged event = EventJson.read(golden, ApplicantProfileChanged.class);

        assertThat(golden).doesNotContain("2001-05-20").doesNotContain("birthDate").doesNotContain("OUT_OF_PROVINCE");
        assertThat(tree.readTree(EventJson.write(event.facts(EventType.GOLDEN_SAMPLE_KEY))))
                .isEqualTo(tree.readTree(resource("golden-facts.json")));
    }

    @org.junit.jupiter.api.Test
    void theMatchEventCarriesTheApplicantsValuesOnlySealed() throws IOException {
        String golden = golden(EventType.MATCHES_EVALUATED);
        MatchesEvaluated event = EventJson.read(golden, MatchesEvaluated.class);

        assertThat(golden).doesNotContain("\"values\"").doesNotContain("JOB_SEEKING");
        assertThat(event.openValues(EventType.GOLDEN_SAMPLE_KEY))
                .isEqualTo(EventJson.read(resource("golden-matches-opened.json"), MatchesEvaluated.class));
    }

    @org.junit.jupiter.api.Test
    void aReMatchMayCarryOnlyTheChangedResultsAndSaysSo() throws IOException {
        String golden = golden(EventType.MATCHES_EVALUATED);
        MatchesEvaluated complete = EventJson.read(golden, MatchesEvaluated.class);
        MatchesEvaluated changed = complete.withOnlyChanged(complete.results().subList(0, 1));

        assertThat(complete.onlyChanged()).as("an event that does not say so is complete").isFalse();
        assertThat(golden).doesNotContain("onlyChanged");
        assertThat(tree.readTree(EventJson.write(changed)).get("onlyChanged").asBoolean()).isTrue();
        assertThat(EventJson.read(EventJson.write(changed), MatchesEvaluated.class)).isEqualTo(changed);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenSamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @org.junit.jupiter.api.Test
    void aMeasureIsOpenOnlyInsideItsWindowWhileActive() {
        MeasurePublished measure = EventJson.read(goldenUnchecked(EventType.MEASURE_PUBLISHED), MeasurePublished.class);
        assertThat(measure.openOn(java.time.LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(measure.openOn(java.time.LocalDate.of(2024, 1, 1))).isTrue();
    }

    private static String goldenUnchecked(EventType type) {
        try {
            return golden(type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String golden(EventType type) throws IOException {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.goldenResource())) {
            assertThat(in).as(type.goldenResource()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

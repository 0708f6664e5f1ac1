package cn.qujiang.youth.policy.engine.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicantFactsDeriverTest {

    @Test
    void ageCountsFullYearsAndTurnsOnTheBirthday() {
        ApplicantFacts born15March2000 = facts(LocalDate.of(2000, 3, 15), null, null);

        assertThat(derive(born15March2000, LocalDate.of(2018, 3, 14)).get("age")).isEqualTo(17L);
        assertThat(derive(born15March2000, LocalDate.of(2018, 3, 15)).get("age")).isEqualTo(18L);
    }

    @Test
    void leapDayBirthdayTurnsOnTheFirstOfMarch() {
        ApplicantFacts leapling = facts(LocalDate.of(2000, 2, 29), null, null);

        assertThat(derive(leapling, LocalDate.of(2018, 2, 28)).get("age")).isEqualTo(17L);
        assertThat(derive(leapling, LocalDate.of(2018, 3, 1)).get("age")).isEqualTo(18L);
    }

    @Test
    void monthsSinceGraduationCountsWholeMonthsAndMonthsToGraduationBeforeIt() {
        ApplicantFacts graduated30June = facts(null, LocalDate.of(2025, 6, 30), null);

        assertThat(derive(graduated30June, LocalDate.of(2025, 6, 30)).get("monthsSinceGraduation")).isEqualTo(0L);
        assertThat(derive(graduated30June, LocalDate.of(2025, 7, 29)).get("monthsSinceGraduation")).isEqualTo(0L);
        assertThat(derive(graduated30June, LocalDate.of(2025, 7, 30)).get("monthsSinceGraduation")).isEqualTo(1L);
        assertThat(derive(graduated30June, LocalDate.of(2027, 6, 30)).get("monthsSinceGraduation")).isEqualTo(24L);
        assertThat(derive(graduated30June, LocalDate.of(2025, 3, 2)).get("monthsSinceGraduation")).isNull();
        assertThat(derive(graduated30June, LocalDate.of(2025, 3, 2)).get("monthsToGraduation")).isEqualTo(3L);
        assertThat(derive(graduated30June, LocalDate.of(2025, 6, 29)).get("monthsToGraduation")).isEqualTo(0L);
        assertThat(derive(graduated30June, LocalDate.of(2025, 6, 30)).get("monthsToGraduation")).isNull();
    }

    @Test
    void startupAgeCountsWholeMonths() {
        ApplicantFacts startup = facts(null, null, LocalDate.of(2025, 1, 10));

        assertThat(derive(startup, LocalDate.of(2026, 1, 9)).get("startupAgeMonths")).isEqualTo(11L);
        assertThat(derive(startup, LocalDate.of(2026, 1, 10)).get("startupAgeMonths")).isEqualTo(12L);
    }

    @Test
    void holdsOnlyTheGivenFactsAsLongBooleanAndEnumName() {
        ApplicantFacts facts = new ApplicantFacts(null, null, Degree.MASTER, null, null, true, null, null, null, null, null,
                null, LocalDate.of(2025, 6, 1), null, null, null, null, null, Industry.E_COMMERCE, null, null, null,
                null, null, List.of(), null);

        DerivedFacts derived = derive(facts, LocalDate.of(2026, 1, 1));

        assertThat(derived).isEqualTo(Map.of("degree", "MASTER", "studyingFor", "NONE", "topUniversity", true,
                "socialInsuranceMonthsInQujiang", 7L, "startupSector", "E_COMMERCE", "childrenUnder3", 0L));
        assertThat(derived.value(EligibilityFact.DEGREE)).isEqualTo("MASTER");
        assertThat(derived.containsKey("age")).isFalse();
        assertThat(derive(ApplicantFacts.none(), LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void derivedFactsAreImmutable() {
        DerivedFacts derived = DerivedFacts.of(Map.of("age", 20));

        assertThatThrownBy(() -> derived.put("age", 30L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> derived.entrySet().iterator().next().setValue(30L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void factsGivenByNameAreNormalisedAndValidated() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("age", 24);
        withNull.put("married", null);

        assertThat(DerivedFacts.of(withNull)).isEqualTo(Map.of("age", 24L));
        assertThatIllegalArgumentException().isThrownBy(() -> DerivedFacts.of(Map.of("salary", 3000)))
                .withMessage("unknown fact 'salary'");
        assertThatIllegalArgumentException().isThrownBy(() -> DerivedFacts.of(Map.of("age", "24")))
                .withMessage("fact 'age' must be int, not '24'");
        assertThatIllegalArgumentException().isThrownBy(() -> DerivedFacts.of(Map.of("degree", "BACHLOR")))
                .withMessageStartingWith("'BACHLOR' is not a value of fact 'degree'");
    }

    private static DerivedFacts derive(ApplicantFacts facts, LocalDate asOf) {
        return ApplicantFactsDeriver.derive(facts, asOf);
    }

    private static ApplicantFacts facts(LocalDate birthDate, LocalDate graduationDate, LocalDate startupSince) {
        return new ApplicantFacts(birthDate, null, null, graduationDate, null, null, null, null, null, null, null, null, null,
                null, null, null, null, startupSince, null, null, null, null, null, null, null, null);
    }
}

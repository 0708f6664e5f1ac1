package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.contracts.ApplicantFacts.EmploymentStatus;
import cn.qujiang.youth.contracts.ApplicantFacts.Gender;
import cn.qujiang.youth.contracts.ApplicantFacts.Hukou;
import cn.qujiang.youth.contracts.ApplicantFacts.Industry;
import cn.qujiang.youth.contracts.ApplicantFacts.SkillLevel;
import cn.qujiang.youth.contracts.ApplicantFacts.TalentTier;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/** Reproducible young applicants for the benchmark and the agreement test, with a chosen share of facts not given. */
final class GeneratedApplicants {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    /** What some applicants already hold: enough to hit every exclusion pair now and then. */
    private static final List<Set<String>> HOLDINGS = List.of(Set.of("QJY-16"), Set.of("QJY-17"), Set.of("QJY-03"),
            Set.of("QJY-10"), Set.of("QJY-14", "QJY-23"));

    private GeneratedApplicants() {
    }

    /** {@code count} profiles; each fact is left out with probability {@code missingRate}. */
    static List<ApplicantFacts> generate(int count, long seed, double missingRate) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> applicant(new Draw(random, missingRate))).toList();
    }

    /** Measures held by applicant number {@code index}: nothing for most. */
    static Set<String> held(int index) {
        return index % 4 == 0 ? HOLDINGS.get(index / 4 % HOLDINGS.size()) : Set.of();
    }

    /** Start-up date and sector are drawn for everyone, so that a rate of 0 really gives every fact. */
    private static ApplicantFacts applicant(Draw draw) {
        LocalDate contractStart = AS_OF.minusMonths(draw.between(0, 36));
        return new ApplicantFacts(
                draw.maybe(AS_OF.minusDays(draw.between(16 * 365, 45 * 365))),
                draw.maybe(draw.oneOf(Gender.values())),
                draw.maybe(draw.oneOf(Degree.values())),
                draw.maybe(AS_OF.minusMonths(draw.between(-12, 96))),
                draw.maybe(draw.chance(15)
                        ? List.of(new Graduation(Degree.BACHELOR, AS_OF.minusMonths(draw.between(12, 96)))) : List.of()),
                draw.maybe(draw.chance(15)),
                draw.maybe(draw.oneOf(Hukou.values())),
                draw.maybe(draw.chance(70)),
                draw.maybe(draw.chance(20)),
                draw.maybe(draw.oneOf(EmploymentStatus.values())),
                draw.maybe(draw.chance(60)),
                draw.maybe(draw.oneOf(Industry.values())),
                draw.maybe(AS_OF.minusMonths(draw.between(0, 60))),
                draw.maybe(draw.chance(20) ? draw.between(1, 6) : 0),
                draw.maybe(contractStart),
                draw.chance(20) ? null : contractStart.plusYears(draw.between(1, 5)).minusDays(1),
                draw.maybe(draw.chance(20)),
                draw.maybe(AS_OF.minusMonths(draw.between(0, 60))),
                draw.maybe(draw.oneOf(Industry.values())),
                draw.maybe(draw.chance(25)),
                draw.maybe(draw.chance(40)),
                draw.maybe(draw.oneOf(SkillLevel.values())),
                draw.maybe(draw.chance(30) ? draw.oneOf(TalentTier.values()) : TalentTier.NONE),
                draw.maybe(draw.chance(40)),
                draw.maybe(IntStream.range(0, draw.between(0, 2))
                        .mapToObj(child -> AS_OF.minusDays(draw.between(0, 6 * 365))).toList()),
                draw.maybe(draw.chance(10)));
    }

    private record Draw(Random random, double missingRate) {

        <T> T maybe(T value) {
            return random.nextDouble() < missingRate ? null : value;
        }

        int between(int min, int max) {
            return min + random.nextInt(max - min + 1);
        }

        boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        <T> T oneOf(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}

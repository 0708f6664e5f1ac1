package cn.qujiang.youth.policy.engine.catalogue;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Cannot be combined" is a relation between two measures, so a catalogue writes it on both sides: when A names B
 * in its {@code excludes}, B names A. A pair written on one side only reads differently depending on which measure
 * an applicant holds first, so the seed test and policy-service's publishing workflow both refuse it, with the
 * pairs found here.
 */
public final class Exclusions {

    /** {@code measure} excludes {@code excluded}, which does not exclude it back (or is not in the catalogue). */
    public record OneSided(String measure, String excluded) {
    }

    private Exclusions() {
    }

    /** Every exclusion of {@code catalogue} that its other side does not repeat, sorted by measure, then excluded. */
    public static List<OneSided> oneSided(Collection<MeasureDefinition> catalogue) {
        Map<String, List<String>> excludes = catalogue.stream()
                .collect(Collectors.toMap(MeasureDefinition::code, MeasureDefinition::excludes, (a, b) -> b));
        return catalogue.stream()
                .flatMap(measure -> measure.excludes().stream()
                        .filter(other -> !excludes.getOrDefault(other, List.of()).contains(measure.code()))
                        .map(other -> new OneSided(measure.code(), other)))
                .distinct()
                .sorted(Comparator.comparing(OneSided::measure).thenComparing(OneSided::excluded))
                .toList();
    }

    /** The one-sided exclusions that {@code code} takes part in, on either side. */
    public static List<OneSided> oneSidedInvolving(String code, Collection<MeasureDefinition> catalogue) {
        return oneSided(catalogue).stream()
                .filter(pair -> pair.measure().equals(code) || pair.excluded().equals(code))
                .toList();
    }
}

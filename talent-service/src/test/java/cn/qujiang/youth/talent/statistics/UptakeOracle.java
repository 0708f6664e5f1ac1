package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.talent.statistics.UptakeQueries.DecisionGroup;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the uptake counts must equal: the recount over the stored applications ({@link UptakeQueries}), both in one
 * form (groups with the same fields merged, in one order), so that two ways of counting compare with equals.
 */
final class UptakeOracle {
    private static final Comparator<DecisionGroup> ORDER = Comparator.comparing(DecisionGroup::toString);

    private UptakeOracle() {
    }

    /** The recount of the period (everything: null), over the applications stored now and any given beside them. */
    static UptakeCounts.Period recount(UptakePeriod period, UptakeQueries... stores) {
        Map<String, Long> applied = new TreeMap<>();
        List<DecisionGroup> decisions = Stream.of(stores).flatMap(store -> {
            store.applied(period).forEach(group -> applied.merge(group.measureCode(), group.count(), Long::sum));
            return store.decisions(period).stream();
        }).toList();
        return new UptakeCounts.Period(applied, merged(decisions));
    }

    /** The counts' period in the same form. */
    static UptakeCounts.Period normalized(UptakeCounts.Period counted) {
        return new UptakeCounts.Period(new TreeMap<>(counted.applied()), merged(counted.decisions()));
    }

    private static List<DecisionGroup> merged(List<DecisionGroup> groups) {
        Map<DecisionGroup, long[]> sums = new LinkedHashMap<>();
        for (DecisionGroup group : groups) {
            long[] sum = sums.computeIfAbsent(withoutCounts(group), key -> new long[2]);
            sum[0] += group.count();
            sum[1] += group.amount();
        }
        return sums.entrySet().stream().map(entry -> new DecisionGroup(entry.getKey().measureCode(),
                entry.getKey().kind(), entry.getKey().to(), entry.getKey().byOfficer(), entry.getKey().decidedOn(),
                entry.getKey().submittedOn(), entry.getValue()[0], entry.getValue()[1], entry.getKey().unit(),
                entry.getKey().benefitKind())).sorted(ORDER).toList();
    }

    private static DecisionGroup withoutCounts(DecisionGroup group) {
        return new DecisionGroup(group.measureCode(), group.kind(), group.to(), group.byOfficer(), group.decidedOn(),
                group.submittedOn(), 0, 0, group.unit(), group.benefitKind());
    }
}

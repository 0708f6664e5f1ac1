package cn.qujiang.youth.talent.statistics;

import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers of one row while they are added up: counts, how many decisions took how many working days (so that
 * the median of a category is the median of its decisions), and amounts per unit.
 */
final class Counts {
    long eligible;
    long applied;
    long approved;
    long rejected;
    long infoRequested;
    long overdue;
    final Map<Integer, Long> workingDays = new TreeMap<>();
    final Map<String, Long> amounts = new TreeMap<>();

    void add(Counts other) {
        eligible += other.eligible;
        applied += other.applied;
        approved += other.approved;
        rejected += other.rejected;
        infoRequested += other.infoRequested;
        overdue += other.overdue;
        other.workingDays.forEach((days, count) -> workingDays.merge(days, count, Long::sum));
        other.amounts.forEach((unit, amount) -> amounts.merge(unit, amount, Long::sum));
    }

    /** The median of the decisions' working days (the mean of the two middle ones for an even count); null for none. */
    Double medianWorkingDays() {
        long total = workingDays.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long lower = (total - 1) / 2;  // 0-based positions of the middle one or two
        long upper = total / 2;
        Integer lowerValue = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> days : workingDays.entrySet()) {
            long next = seen + days.getValue();
            if (lowerValue == null && lower < next) {
                lowerValue = days.getKey();
            }
            if (upper < next) {
                return (lowerValue + days.getKey()) / 2.0;
            }
            seen = next;
        }
        throw new IllegalStateException("unreachable: the upper middle lies within the total");
    }
}

package cn.qujiang.youth.policy.engine.eligibility;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The days within a range (after, last] on which a rule's answer may change, collected from each fact it reads in
 * any order and read back in order, each day once. A handful of days per rule: a small array of epoch days, sorted
 * once, costs a fraction of a {@code TreeSet<LocalDate>} (no nodes, no boxing, no comparator calls).
 */
final class CandidateDays {

    private final LocalDate after;
    private final LocalDate last;
    private final long afterDay;
    private final long lastDay;
    private long[] days = new long[8];
    private int size;
    private boolean ordered = true;

    /** Collects days after {@code after} up to {@code last} included; others are dropped as they are added. */
    CandidateDays(LocalDate after, LocalDate last) {
        this.after = after;
        this.last = last;
        this.afterDay = after.toEpochDay();
        this.lastDay = last.toEpochDay();
    }

    LocalDate after() {
        return after;
    }

    LocalDate last() {
        return last;
    }

    void add(LocalDate day) {
        long epochDay = day.toEpochDay();
        if (epochDay <= afterDay || epochDay > lastDay) {
            return;
        }
        if (size == days.length) {
            days = Arrays.copyOf(days, 2 * size);
        }
        days[size++] = epochDay;
        ordered = false;
    }

    /** How many distinct days there are. */
    int size() {
        order();
        return size;
    }

    /** The {@code index}-th day, earliest first. */
    LocalDate get(int index) {
        order();
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return LocalDate.ofEpochDay(days[index]);
    }

    private void order() {
        if (ordered) {
            return;
        }
        Arrays.sort(days, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || days[i] != days[distinct - 1]) {
                days[distinct++] = days[i];
            }
        }
        size = distinct;
        ordered = true;
    }
}

package cn.qujiang.youth.policy.engine.eligibility;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The days within a range (after, last] on which a rule's answer may change, collected from each fact it reads in
 * any order and read back in order, each day once. A rule has a handful: a small array kept sorted as days are added
 * costs a fraction of a {@code TreeSet<LocalDate>} (no nodes, no iterator), and keeping the dates as they come (not as
 * epoch days) spares a conversion each way, which profiling showed to be the larger part of collecting them.
 */
final class CandidateDays {

    private final LocalDate after;
    private final LocalDate last;
    private LocalDate[] days = new LocalDate[8];
    private int size;

    /** Collects days after {@code after} up to {@code last} included; others are dropped as they are added. */
    CandidateDays(LocalDate after, LocalDate last) {
        this.after = after;
        this.last = last;
    }

    LocalDate after() {
        return after;
    }

    LocalDate last() {
        return last;
    }

    void add(LocalDate day) {
        if (!day.isAfter(after) || day.isAfter(last)) {
            return;
        }
        int at = size;
        while (at > 0 && days[at - 1].isAfter(day)) {
            at--;
        }
        if (at > 0 && days[at - 1].equals(day)) {
            return;
        }
        if (size == days.length) {
            days = Arrays.copyOf(days, 2 * size);
        }
        System.arraycopy(days, at, days, at + 1, size - at);
        days[at] = day;
        size++;
    }

    /** How many distinct days there are. */
    int size() {
        return size;
    }

    /** The {@code index}-th day, earliest first. */
    LocalDate get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return days[index];
    }
}

package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a profile's degrees counts on a day. A degree is held from its graduation date on (an undated one
 * always); before that the applicant studies for it. So a bachelor working since 2024 who studies part-time for a
 * master due in 2027 is a bachelor graduate of 2024 until then, and a master graduate from that day.
 */
final class Degrees {

    private Degrees() {
    }

    // Asked for every candidate day as well as on the evaluation day, so the degrees are read where they are, by
    // index, the profile's first degree (its own fields) at 0 and its other degrees after it: no list, no record.

    /** How many degrees the profile has; -1 when it says nothing about education. */
    private static int count(ApplicantFacts facts) {
        boolean first = hasFirst(facts);
        if (!first && facts.otherDegrees() == null) {
            return -1;
        }
        return (first ? 1 : 0) + (facts.otherDegrees() == null ? 0 : facts.otherDegrees().size());
    }

    /** A graduation date without its degree (a profile half filled in) still counts months; which degree, unknown. */
    private static boolean hasFirst(ApplicantFacts facts) {
        return facts.degree() != null || facts.graduationDate() != null;
    }

    private static Degree degree(ApplicantFacts facts, int index) {
        return hasFirst(facts) ? index == 0 ? facts.degree() : facts.otherDegrees().get(index - 1).degree()
                : facts.otherDegrees().get(index).degree();
    }

    private static LocalDate date(ApplicantFacts facts, int index) {
        return hasFirst(facts) ? index == 0 ? facts.graduationDate() : facts.otherDegrees().get(index - 1).date()
                : facts.otherDegrees().get(index).date();
    }

    /** The highest degree held on {@code day}; {@link Degree#NONE} before the first. */
    static Degree heldOn(ApplicantFacts facts, LocalDate day) {
        if (count(facts) < 0 || facts.degree() == null) {
            return null;
        }
        int held = highestHeld(facts, day);
        return held < 0 ? Degree.NONE : degree(facts, held);
    }

    /** Full months since the graduation of the highest degree held on {@code day}; null when it has no date. */
    static Long monthsSinceGraduation(ApplicantFacts facts, LocalDate day) {
        int held = highestHeld(facts, day);
        return held < 0 || date(facts, held) == null ? null : ChronoUnit.MONTHS.between(date(facts, held), day);
    }

    /** The degree of the next graduation after {@code day}; {@link Degree#NONE} when not studying for one. */
    static Degree studyingFor(ApplicantFacts facts, LocalDate day) {
        if (count(facts) < 0 || facts.degree() == null) {
            return null;
        }
        int next = nextExpected(facts, day);
        return next < 0 ? Degree.NONE : degree(facts, next);
    }

    /** Full months from {@code day} until the next graduation; null when not studying for one. */
    static Long monthsToGraduation(ApplicantFacts facts, LocalDate day) {
        int next = nextExpected(facts, day);
        return next < 0 ? null : ChronoUnit.MONTHS.between(day, date(facts, next));
    }

    /** The graduation dates: the only days on which which degree counts can change. */
    static List<LocalDate> graduationDays(ApplicantFacts facts) {
        int count = count(facts);
        List<LocalDate> days = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            if (date(facts, i) != null) {
                days.add(date(facts, i));
            }
        }
        return days;
    }

    /**
     * The index of the highest degree held on the day, -1 if none; the first degree without its degree ranks above
     * every other, and of two of a rank the later one counts.
     */
    private static int highestHeld(ApplicantFacts facts, LocalDate day) {
        int highest = -1;
        for (int i = 0; i < count(facts); i++) {
            LocalDate date = date(facts, i);
            boolean held = date == null || !date.isAfter(day);
            if (held && (highest < 0 || rank(facts, i) > rank(facts, highest)
                    || rank(facts, i) == rank(facts, highest) && later(date, date(facts, highest)))) {
                highest = i;
            }
        }
        return highest;
    }

    private static int rank(ApplicantFacts facts, int index) {
        Degree degree = degree(facts, index);
        return degree == null ? Integer.MAX_VALUE : degree.ordinal();
    }

    /** The index of the earliest graduation after the day, -1 if none. */
    private static int nextExpected(ApplicantFacts facts, LocalDate day) {
        int next = -1;
        for (int i = 0; i < count(facts); i++) {
            LocalDate date = date(facts, i);
            if (date != null && date.isAfter(day) && (next < 0 || date.isBefore(date(facts, next)))) {
                next = i;
            }
        }
        return next;
    }

    private static boolean later(LocalDate one, LocalDate other) {
        return one != null && (other == null || one.isAfter(other));
    }
}

package cn.qujiang.youth.policy.engine.eligibility;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.contracts.ApplicantFacts.Degree;
import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
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

    /**
     * Every degree of the profile, the highest first; null when the profile says nothing about education. A
     * graduation date without its degree (a profile half filled in) still counts months; which degree is unknown.
     */
    static List<Graduation> all(ApplicantFacts facts) {
        boolean first = facts.degree() != null || facts.graduationDate() != null;
        List<Graduation> others = facts.otherDegrees();
        // Asked several times per applicant and day (degree, months since, studying for, months to): a copy only
        // when there is something to join.
        if (!first) {
            return others;
        }
        Graduation highest = new Graduation(facts.degree(), facts.graduationDate());
        if (others == null || others.isEmpty()) {
            return List.of(highest);
        }
        List<Graduation> all = new ArrayList<>(others.size() + 1);
        all.add(highest);
        all.addAll(others);
        return all;
    }

    /** The highest degree held on {@code day}; {@link Degree#NONE} before the first. */
    static Degree heldOn(ApplicantFacts facts, LocalDate day) {
        List<Graduation> all = all(facts);
        if (all == null || facts.degree() == null) {
            return null;
        }
        Graduation held = highestHeld(all, day);
        return held == null ? Degree.NONE : held.degree();
    }

    /** Full months since the graduation of the highest degree held on {@code day}; null when it has no date. */
    static Long monthsSinceGraduation(ApplicantFacts facts, LocalDate day) {
        List<Graduation> all = all(facts);
        Graduation held = all == null ? null : highestHeld(all, day);
        return held == null || held.date() == null ? null : ChronoUnit.MONTHS.between(held.date(), day);
    }

    /** The degree of the next graduation after {@code day}; {@link Degree#NONE} when not studying for one. */
    static Degree studyingFor(ApplicantFacts facts, LocalDate day) {
        List<Graduation> all = all(facts);
        if (all == null || facts.degree() == null) {
            return null;
        }
        Graduation next = nextExpected(all, day);
        return next == null ? Degree.NONE : next.degree();
    }

    /** Full months from {@code day} until the next graduation; null when not studying for one. */
    static Long monthsToGraduation(ApplicantFacts facts, LocalDate day) {
        List<Graduation> all = all(facts);
        Graduation next = all == null ? null : nextExpected(all, day);
        return next == null ? null : ChronoUnit.MONTHS.between(day, next.date());
    }

    /** The graduation dates: the only days on which which degree counts can change. */
    static List<LocalDate> graduationDays(ApplicantFacts facts) {
        List<Graduation> all = all(facts);
        List<LocalDate> days = new ArrayList<>();
        if (all != null) {
            for (Graduation graduation : all) {
                if (graduation.date() != null) {
                    days.add(graduation.date());
                }
            }
        }
        return days;
    }

    /** The highest degree held on the day; the highest's slot without its degree ranks above every other. */
    private static Graduation highestHeld(List<Graduation> all, LocalDate day) {
        Graduation highest = null;
        for (Graduation graduation : all) {
            boolean held = graduation.date() == null || !graduation.date().isAfter(day);
            if (held && (highest == null || rank(graduation) > rank(highest)
                    || rank(graduation) == rank(highest) && later(graduation, highest))) {
                highest = graduation;
            }
        }
        return highest;
    }

    private static int rank(Graduation graduation) {
        return graduation.degree() == null ? Integer.MAX_VALUE : graduation.degree().ordinal();
    }

    private static Graduation nextExpected(List<Graduation> all, LocalDate day) {
        Graduation next = null;
        for (Graduation graduation : all) {
            if (graduation.date() != null && graduation.date().isAfter(day)
                    && (next == null || graduation.date().isBefore(next.date()))) {
                next = graduation;
            }
        }
        return next;
    }

    private static boolean later(Graduation one, Graduation other) {
        return one.date() != null && (other.date() == null || one.date().isAfter(other.date()));
    }
}

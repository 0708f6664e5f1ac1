package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.kit.web.ApiException;
import cn.qujiang.youth.talent.ServiceZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;

/**
 * The days a statistic covers, both inclusive, as calendar days in Asia/Shanghai: an application submitted at
 * 23:30 on 31 March in Qujiang counts for March whatever zone the server runs in.
 */
record UptakePeriod(LocalDate from, LocalDate to) {
    /** Long enough for a multi-year comparison, short enough that the weekly series stays a readable chart. */
    static final int MAX_DAYS = 3 * 366;

    /** The period asked for; without a start, from 1 January of {@code to}'s year; without an end, up to today. */
    static UptakePeriod of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "PERIOD_INVALID", MAX_DAYS / 366);
        }
        return new UptakePeriod(start, end);
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(ServiceZone.ZONE).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ServiceZone.ZONE).toInstant();
    }
}

package cn.qujiang.youth.talent.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mainland working days: Monday to Friday, minus public holidays, plus the weekend days worked to make up for them
 * (调休). The exceptions come from a text file so that operators update next year's calendar without a release.
 */
public class WorkingDayCalendar {
    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    enum Kind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, Kind> exceptions;
    private final Set<Integer> coveredYears;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    WorkingDayCalendar(Map<LocalDate, Kind> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
        TreeSet<Integer> years = new TreeSet<>();
        exceptions.keySet().forEach(day -> years.add(day.getYear()));
        this.coveredYears = Set.copyOf(years);
    }

    /** Reads the file format documented in {@code calendar/cn-mainland-holidays.txt}. */
    public static WorkingDayCalendar parse(Reader source) {
        Map<LocalDate, Kind> exceptions = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                parseLine(content, number, exceptions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday calendar", e);
        }
        return new WorkingDayCalendar(exceptions);
    }

    public static WorkingDayCalendar parse(java.io.InputStream source) {
        return parse(new InputStreamReader(source, StandardCharsets.UTF_8));
    }

    private static void parseLine(String content, int number, Map<LocalDate, Kind> exceptions) {
        String[] parts = content.split("\\s+", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("holiday calendar line " + number + ": expected '<date> <kind>'");
        }
        try {
            Kind kind = Kind.valueOf(parts[1]);
            String[] range = parts[0].split("\\.\\.");
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("holiday calendar line " + number + ": range ends before it starts");
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (exceptions.put(day, kind) != null) {
                    throw new IllegalArgumentException("holiday calendar line " + number + ": " + day + " listed twice");
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("holiday calendar line " + number + ": " + e.getMessage(), e);
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        Kind exception = exceptions.get(day);
        if (exception != null) {
            return exception == Kind.WORKDAY;
        }
        warnIfUncovered(day.getYear());
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day by which something received on {@code start} must be answered within {@code workingDays} working
     * days: the day of receipt does not count, the n-th working day after it is the deadline.
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days from {@code from} to {@code to}: the count of working days after {@code from} up to and including
     * {@code to}, negative when {@code to} lies before {@code from} (0 for the same day). The countdown an officer
     * reads: 2 = two working days left, 0 = due today, -1 = one working day late.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        LocalDate start = to.isBefore(from) ? to : from;
        LocalDate end = to.isBefore(from) ? from : to;
        int count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return to.isBefore(from) ? -count : count;
    }

    private void warnIfUncovered(int year) {
        if (!coveredYears.contains(year) && warnedYears.add(year)) {
            log.warn("the holiday calendar has no entries for {}: counting weekends only", year);
        }
    }
}

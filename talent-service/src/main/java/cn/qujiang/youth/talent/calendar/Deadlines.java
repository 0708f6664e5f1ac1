package cn.qujiang.youth.talent.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/** Response deadlines of applications, in working days of the district's calendar. */
@Component
public class Deadlines {
    private static final String DEFAULT_LOCATION = "classpath:calendar/cn-mainland-holidays.txt";

    private final WorkingDayCalendar calendar;
    private final int defaultWorkingDays;

    Deadlines(CalendarProperties properties) {
        this.calendar = load(properties);
        this.defaultWorkingDays = properties.defaultResponseWorkingDays();
    }

    /** The deadline for a measure promising {@code responseWorkingDays} (0 or less: the default tier). */
    public LocalDate dueDate(LocalDate received, int responseWorkingDays) {
        return calendar.addWorkingDays(received, workingDays(responseWorkingDays));
    }

    /** Working days left until {@code due}: 0 = due today, negative = that many working days late. */
    public int workingDaysLeft(LocalDate today, LocalDate due) {
        return calendar.workingDaysBetween(today, due);
    }

    /** Working days an answer took: received on {@code from}, answered on {@code to} (0 = the same day). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetween(from, to);
    }

    /** The last day of a window of {@code workingDays} working days from today (0: today). */
    public LocalDate withinWorkingDays(LocalDate today, int workingDays) {
        return calendar.addWorkingDays(today, workingDays);
    }

    public int workingDays(int responseWorkingDays) {
        return responseWorkingDays > 0 ? responseWorkingDays : defaultWorkingDays;
    }

    private static WorkingDayCalendar load(CalendarProperties properties) {
        var resource = properties.location() != null ? properties.location()
                : new DefaultResourceLoader().getResource(DEFAULT_LOCATION);
        try (InputStream in = resource.getInputStream()) {
            return WorkingDayCalendar.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday calendar " + resource.getDescription(), e);
        }
    }
}

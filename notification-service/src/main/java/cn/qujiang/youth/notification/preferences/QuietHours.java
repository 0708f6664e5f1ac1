package cn.qujiang.youth.notification.preferences;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Local times between which no SMS is sent (a phone buzzing at night is worse than a late message). The period may
 * cross midnight (22:00–08:00); {@code from == to} means no quiet period.
 */
@Schema(example = "{\"enabled\": true, \"from\": \"22:00\", \"to\": \"08:00\"}")
public record QuietHours(boolean enabled, @NotNull LocalTime from, @NotNull LocalTime to) {

    /** When the quiet period that contains {@code now} ends, or empty when {@code now} is not quiet. */
    public Optional<Instant> endIfQuiet(Instant now, ZoneId zone) {
        if (!enabled || from.equals(to)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        boolean crossesMidnight = from.isAfter(to);
        if (crossesMidnight && !time.isBefore(from)) {
            return Optional.of(today.plusDays(1).atTime(to).atZone(zone).toInstant());
        }
        boolean quiet = crossesMidnight ? time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        return quiet ? Optional.of(today.atTime(to).atZone(zone).toInstant()) : Optional.empty();
    }
}

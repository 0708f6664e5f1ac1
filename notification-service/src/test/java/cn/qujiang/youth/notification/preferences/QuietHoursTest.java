package cn.qujiang.youth.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.notification.message.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0));

    @Test
    void anSmsDueLateInTheEveningWaitsUntilEightNextMorning() {
        assertThat(NIGHT.endIfQuiet(at("2026-03-02T23:00"), SHANGHAI)).contains(at("2026-03-03T08:00"));
        assertThat(NIGHT.endIfQuiet(at("2026-03-02T22:00"), SHANGHAI)).contains(at("2026-03-03T08:00"));
    }

    @Test
    void anSmsDueAfterMidnightWaitsUntilEightTheSameMorning() {
        assertThat(NIGHT.endIfQuiet(at("2026-03-03T00:30"), SHANGHAI)).contains(at("2026-03-03T08:00"));
        assertThat(NIGHT.endIfQuiet(at("2026-03-03T07:59"), SHANGHAI)).contains(at("2026-03-03T08:00"));
    }

    @Test
    void daytimeIsNotQuiet() {
        assertThat(NIGHT.endIfQuiet(at("2026-03-03T08:00"), SHANGHAI)).isEmpty();
        assertThat(NIGHT.endIfQuiet(at("2026-03-03T21:59"), SHANGHAI)).isEmpty();
    }

    @Test
    void aPeriodWithinOneDayAndSwitchedOffPeriodsWork() {
        QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(13, 30));
        assertThat(lunch.endIfQuiet(at("2026-03-03T12:15"), SHANGHAI)).contains(at("2026-03-03T13:30"));
        assertThat(lunch.endIfQuiet(at("2026-03-03T23:00"), SHANGHAI)).isEmpty();
        assertThat(new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(8, 0))
                .endIfQuiet(at("2026-03-02T23:00"), SHANGHAI)).isEmpty();
        assertThat(new QuietHours(true, LocalTime.of(8, 0), LocalTime.of(8, 0))
                .endIfQuiet(at("2026-03-02T08:00"), SHANGHAI)).isEmpty();
    }

    @Test
    void onlySmsIsHeldBack() {
        ApplicantPreferences preferences = new ApplicantPreferences(ChannelSwitches.ALL_ON, ChannelSwitches.ALL_ON,
                null, NIGHT, SHANGHAI);
        Instant lateEvening = at("2026-03-02T23:00");

        assertThat(preferences.earliestSend(Channel.SMS, lateEvening)).isEqualTo(at("2026-03-03T08:00"));
        assertThat(preferences.earliestSend(Channel.EMAIL, lateEvening)).isEqualTo(lateEvening);
        assertThat(preferences.earliestSend(Channel.IN_APP, lateEvening)).isEqualTo(lateEvening);
    }

    private static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant();
    }
}

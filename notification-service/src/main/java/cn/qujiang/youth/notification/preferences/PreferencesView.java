package cn.qujiang.youth.notification.preferences;

/** An applicant's channel choices, language and SMS quiet hours, with the time zone the hours are read in. */
public record PreferencesView(ChannelSwitches match, ChannelSwitches application, String language,
        QuietHours smsQuietHours, String timeZone) {

    public static PreferencesView of(ApplicantPreferences preferences) {
        return new PreferencesView(preferences.match(), preferences.application(), preferences.language(),
                preferences.smsQuietHours(), preferences.zone().getId());
    }
}

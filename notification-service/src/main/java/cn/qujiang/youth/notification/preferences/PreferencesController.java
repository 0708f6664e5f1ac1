package cn.qujiang.youth.notification.preferences;

import cn.qujiang.youth.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own channel choices, language and SMS quiet hours. */
@RestController
@RequestMapping("/api/notifications/me/preferences")
class PreferencesController {
    private final PreferencesService preferences;

    PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "My notification preferences (defaults until first saved)")
    PreferencesView get(Authentication authentication) {
        return PreferencesView.of(preferences.of(Caller.of(authentication).id()));
    }

    @PutMapping
    @Operation(summary = "Replace my notification preferences")
    PreferencesView replace(Authentication authentication, @Valid @RequestBody PreferencesRequest request) {
        return PreferencesView.of(preferences.replace(Caller.of(authentication).id(), request.match(),
                request.application(), request.language(), request.smsQuietHours()));
    }

    /**
     * @param match        channels for "you now qualify for ..." messages
     * @param application  channels for confirmations and decisions of applications
     * @param language     zh-CN or en; null follows the language of the profile
     * @param smsQuietHours no SMS in this period (local time, Asia/Shanghai); e-mail and in-app are not held back
     */
    @Schema(example = """
            {"match": {"inApp": true, "email": true, "sms": false},
             "application": {"inApp": true, "email": true, "sms": true},
             "language": "zh-CN",
             "smsQuietHours": {"enabled": true, "from": "22:00", "to": "08:00"}}""")
    record PreferencesRequest(@NotNull ChannelSwitches match, @NotNull ChannelSwitches application,
            @Pattern(regexp = "zh-CN|en") String language, @NotNull @Valid QuietHours smsQuietHours) {
    }
}

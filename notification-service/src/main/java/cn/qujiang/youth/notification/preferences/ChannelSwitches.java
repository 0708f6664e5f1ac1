package cn.qujiang.youth.notification.preferences;

import cn.qujiang.youth.notification.message.Channel;
import io.swagger.v3.oas.annotations.media.Schema;

/** Which channels carry one category of messages. */
@Schema(example = "{\"inApp\": true, \"email\": true, \"sms\": false}")
public record ChannelSwitches(boolean inApp, boolean email, boolean sms) {

    static final ChannelSwitches ALL_ON = new ChannelSwitches(true, true, true);

    public boolean allows(Channel channel) {
        return switch (channel) {
            case IN_APP -> inApp;
            case EMAIL -> email;
            case SMS -> sms;
        };
    }
}

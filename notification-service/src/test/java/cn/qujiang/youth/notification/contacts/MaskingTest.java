package cn.qujiang.youth.notification.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phoneNumbersKeepPrefixAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+86 138-1234-5678")).isEqualTo("138****5678");
        assertThat(Masking.phone("12345")).isEqualTo("***45");
    }

    @Test
    void emailAddressesKeepFirstLetterAndDomain() {
        assertThat(Masking.email("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("not-an-address")).isEqualTo("***");
    }

    @Test
    void aContactNeverPrintsItsDetails() {
        Contact contact = new Contact("张三", "13812345678", "zhang@example.com", "zh-CN");
        assertThat(contact.toString()).doesNotContain("张三", "138", "zhang");
    }

    @Test
    void messagesFollowTheChosenLanguageThenTheProfileThenChinese() {
        Contact english = new Contact("Li", "13812345678", "li@example.com", "en");
        assertThat(english.messageLocale(Optional.empty())).isEqualTo(Locale.ENGLISH);
        assertThat(english.messageLocale(Optional.of(Locale.SIMPLIFIED_CHINESE))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(new Contact(null, null, null, null).messageLocale(Optional.empty()))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}

package cn.qujiang.youth.talent.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The version of the privacy notice applicants must have accepted before their profile is stored. */
@ConfigurationProperties("qujiang.privacy")
public record PrivacyProperties(String noticeVersion) {
    public PrivacyProperties {
        noticeVersion = noticeVersion == null ? "2026-01" : noticeVersion;
    }
}

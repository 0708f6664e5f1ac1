package cn.qujiang.youth.talent.profile;

/**
 * An applicant's identifying data in the clear, only ever in memory: decrypted for the applicant, for masking in
 * HR views and for notification-service's contact lookup. {@link #toString()} never prints it.
 */
public record PersonalData(String name, String idNumber, String phone, String email) {
    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}

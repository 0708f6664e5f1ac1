package cn.qujiang.youth.kit.security;

/** Realm roles of the qujiang Keycloak realm, as Spring authorities carry them. */
public final class Roles {
    public static final String APPLICANT = "applicant";
    public static final String HR_OFFICER = "hr-officer";
    public static final String POLICY_ADMIN = "policy-admin";
    public static final String CONTACT_READER = "contact-reader";
    /** policy-service's service account: reads an applicant's event key to open and seal their events. */
    public static final String EVENT_KEY_READER = "event-key-reader";
    /** talent-service's service account: reads what notification-service holds about a resident, for their export. */
    public static final String NOTIFICATION_READER = "notification-reader";

    private Roles() {
    }
}

package cn.qujiang.youth.gateway.security;

import java.util.Set;

/** Realm roles of the qujiang Keycloak realm that the gateway's rules use (same names as service-kit's). */
final class Roles {
    static final String APPLICANT = "applicant";
    static final String HR_OFFICER = "hr-officer";
    static final String POLICY_ADMIN = "policy-admin";
    static final String CONTACT_READER = "contact-reader";
    static final Set<String> KNOWN = Set.of(APPLICANT, HR_OFFICER, POLICY_ADMIN, CONTACT_READER);

    private Roles() {
    }
}

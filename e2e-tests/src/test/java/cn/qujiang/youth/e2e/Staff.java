package cn.qujiang.youth.e2e;

/** The realm's dev staff accounts, as the HR console and the policy admin screens sign in. */
final class Staff {
    private Staff() {
    }

    static Http hr1() {
        return as("hr1", "Hrofficer1pass");
    }

    static Http admin1() {
        return as("admin1", "Policyadmin1pass");
    }

    static Http admin2() {
        return as("admin2", "Policyadmin2pass");
    }

    static Http as(String username, String password) {
        return Http.as(() -> E2eStack.get().keycloak().tokens().password(username, password));
    }
}

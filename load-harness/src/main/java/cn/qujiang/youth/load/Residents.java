package cn.qujiang.youth.load;

import cn.qujiang.youth.infra.KeycloakServer;
import cn.qujiang.youth.infra.KeycloakTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Signs residents up (Keycloak admin API, as self-registration would) and saves each one's first profile; not timed. */
final class Residents {
    private Residents() {
    }

    static List<Resident> signUp(int count, KeycloakServer keycloak, Gateway gateway) {
        KeycloakTokens tokens = keycloak.tokens();
        // A few at a time: Keycloak hashes every password, and it shares the two cores with everything else.
        ExecutorService pool = Executors.newFixedThreadPool(4, Gateway.daemon("load-signup"));
        try {
            List<Future<Resident>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> signUp(keycloak, tokens, gateway)));
            }
            List<Resident> residents = new ArrayList<>();
            for (Future<Resident> resident : pending) {
                residents.add(resident.get());
            }
            return residents;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("signing up a resident failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing residents up", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Resident signUp(KeycloakServer keycloak, KeycloakTokens tokens, Gateway gateway) {
        Resident resident = new Resident((user, pass) -> tokens.password(KeycloakTokens.TEST_CLIENT, user, pass));
        keycloak.admin().createApplicant(resident.username, resident.password, resident.email);
        HttpResponse<String> saved = gateway.putProfile(resident, resident.firstProfile()).join();
        if (saved.statusCode() != 201) {
            throw new IllegalStateException("first profile save answered " + saved.statusCode() + ": " + saved.body());
        }
        resident.versionSeen(Gateway.versionTag(saved));
        return resident;
    }
}

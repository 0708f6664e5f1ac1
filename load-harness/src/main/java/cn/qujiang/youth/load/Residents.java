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
    private static final int FIRST_SAVE_ATTEMPTS = 10;

    private Residents() {
    }

    static List<Resident> signUp(int count, KeycloakServer keycloak, Gateway gateway) {
        KeycloakTokens tokens = keycloak.tokens();
        // A few at a time: Keycloak hashes every password, and it shares the two cores with everything else.
        ExecutorService pool = Executors.newFixedThreadPool(4, Gateway.daemon("load-signup"));
        try {
            List<Future<Resident>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(pool.submit(() -> signUp(index, keycloak, tokens, gateway)));
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

    private static Resident signUp(int index, KeycloakServer keycloak, KeycloakTokens tokens, Gateway gateway) {
        Resident resident = new Resident(index, tokens);
        keycloak.admin().createApplicant(resident.username, resident.password, resident.email);
        resident.versionSeen(firstSave(resident, gateway));
        return resident;
    }

    /**
     * Saves the first profile as the app would on a busy stack: a 429/503 is tried again after its Retry-After, and
     * a save the gateway gave up on may still have been stored — then the retry is refused as stale and the stored
     * version is read instead.
     */
    private static long firstSave(Resident resident, Gateway gateway) {
        HttpResponse<String> saved = null;
        for (int attempt = 0; attempt < FIRST_SAVE_ATTEMPTS; attempt++) {
            saved = gateway.putProfile(resident, resident.firstProfile()).join();
            int status = saved.statusCode();
            if (status == 201 || status == 200) {
                return Gateway.versionTag(saved);
            }
            if (attempt > 0 && (status == 409 || status == 428)) {
                return Gateway.versionTag(gateway.readProfile(resident).join());
            }
            if (status != 429 && status != 503) {
                break;
            }
            pause(saved);
        }
        throw new IllegalStateException("first profile save answered " + saved.statusCode() + ": " + saved.body());
    }

    private static void pause(HttpResponse<String> refused) {
        long seconds = Gateway.retryAfterSeconds(refused);
        try {
            Thread.sleep(Math.max(1, seconds) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to save a first profile again", e);
        }
    }
}

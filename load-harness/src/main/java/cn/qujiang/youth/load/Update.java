package cn.qujiang.youth.load;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One resident changing their profile and then waiting, like the mobile app, until their results are current:
 * PUT the whole profile with the version last seen, then ask the match status with the last ETag as {@link Polling}
 * says (or after the Retry-After a 429/503 asks for) until it reports the saved version evaluated, or give up.
 */
final class Update {
    private final Resident resident;
    private final Stage stage;
    private final Gateway gateway;
    private final ScheduledExecutorService timer;
    private final Polling polling;
    private final Duration giveUp;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long startedAt;
    /** The same moment on the wall clock, to compare with the service's {@code storedAt} (one machine, one clock). */
    private long startedAtMillis;
    private long savedVersion;

    Update(Resident resident, Stage stage, Gateway gateway, ScheduledExecutorService timer, Polling polling,
            Duration giveUp) {
        this.resident = resident;
        this.stage = stage;
        this.gateway = gateway;
        this.timer = timer;
        this.polling = polling;
        this.giveUp = giveUp;
    }

    CompletableFuture<Void> start() {
        stage.started.increment();
        startedAt = System.nanoTime();
        startedAtMillis = System.currentTimeMillis();
        try {
            gateway.putProfile(resident, resident.nextProfile()).whenComplete(this::saved);
        } catch (RuntimeException e) {
            // e.g. Keycloak refusing to renew the token: the update never reached the gateway.
            stage.putAnswered(failure(e));
            end(failure(e), -1);
        }
        return done;
    }

    private void saved(HttpResponse<String> response, Throwable error) {
        if (error != null) {
            stage.putAnswered(failure(error));
            end(failure(error), -1);
            return;
        }
        stage.putAnswered(Integer.toString(response.statusCode()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        if (response.statusCode() == 200) {
            savedVersion = Gateway.versionTag(response);
            resident.versionSeen(savedVersion);
            pollLater(polling.waits() ? 0 : interval());
        } else if (response.statusCode() == 409 && "STALE_VERSION".equals(Gateway.json(response).path("code").asString())) {
            // Another update of the same resident won the race; learn the version it wrote, as the app would on reload.
            stage.stale.increment();
            gateway.readProfile(resident).whenComplete((profile, ignored) -> {
                if (profile != null && profile.statusCode() == 200) {
                    resident.versionSeen(Gateway.versionTag(profile));
                }
                end("stale", -1);
            });
        } else {
            stage.putRefused.increment();
            end("refused " + response.statusCode(), -1);
        }
    }

    private void pollLater(long millis) {
        if (System.nanoTime() - startedAt + TimeUnit.MILLISECONDS.toNanos(millis) > giveUp.toNanos()) {
            stage.gaveUp.increment();
            end("gave up", -1);
            return;
        }
        timer.schedule(this::poll, millis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        long asked = System.nanoTime();
        // never waiting beyond the give-up time: an update current after it counts as given up
        long left = TimeUnit.NANOSECONDS.toSeconds(giveUp.toNanos() - (asked - startedAt));
        int waitSeconds = (int) Math.min(polling.waitSeconds(), left);
        try {
            gateway.matchStatus(resident, savedVersion, waitSeconds)
                    .whenComplete((response, error) -> polled(response, error, asked));
        } catch (RuntimeException e) {
            stage.pollAnswered(failure(e));
            pollLater(interval());
        }
    }

    private void polled(HttpResponse<String> response, Throwable error, long asked) {
        if (error != null) {
            stage.pollAnswered(failure(error));
            pollLater(interval());
            return;
        }
        int status = response.statusCode();
        stage.pollAnswered(Integer.toString(status));
        if (status == 200) {
            var body = Gateway.json(response);
            resident.lastStatus(new Resident.MatchStatus(response.headers().firstValue("ETag").orElse(null),
                    body.path("evaluatedProfileVersion").asLong(-1), storedAtMillis(body.path("storedAt").asString(""))));
        }
        Resident.MatchStatus known = resident.lastStatus();
        // Results of a later version count too: a newer save of the same resident includes this one. (Requiring
        // "current" as well would starve an update whenever the resident saved again before it was evaluated.)
        if ((status == 200 || status == 304) && known != null && known.evaluatedProfileVersion() >= savedVersion) {
            long storedMillis = known.storedAtMillis() < 0 ? -1 : Math.max(0, known.storedAtMillis() - startedAtMillis);
            stage.resultsCurrent(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            end("current", storedMillis);
            return;
        }
        pollLater(status == 429 || status == 503 ? retryAfterMillis(response) : nextPollMillis(asked));
    }

    /** @param how current, gave up, stale, refused with its status, or the failure: per second in the {@link Timeline} */
    private void end(String how, long storedMillis) {
        stage.ended(new Stage.Outcome(startedAtMillis, how, storedMillis));
        done.complete(null);
    }

    /** After a status that waited, at once; after one answered sooner, the rest of the interval. */
    private long nextPollMillis(long asked) {
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        return polling.waits() ? Math.max(0, interval() - took) : interval();
    }

    private long interval() {
        return polling.interval().toMillis();
    }

    private static long storedAtMillis(String storedAt) {
        return storedAt.isEmpty() ? -1 : java.time.Instant.parse(storedAt).toEpochMilli();
    }

    /** The wait a 429/503 asked for, never shorter than the usual interval. */
    private long retryAfterMillis(HttpResponse<String> response) {
        long asked = Gateway.retryAfterSeconds(response) * 1000;
        return Math.max(asked, interval());
    }

    /** A transport failure by its kind (e.g. {@code ERR HttpTimeoutException}), counted beside the status codes. */
    private static String failure(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return "ERR " + cause.getClass().getSimpleName();
    }
}

package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.EventJson;
import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.contracts.MatchesEvaluated.MatchResult;
import cn.qujiang.youth.contracts.MatchesEvaluated.Outcome;
import cn.qujiang.youth.contracts.SealedPart;
import java.util.List;

/**
 * An applicant's results in the form {@link MatchDocument} keeps them: the results without criterion values as one
 * JSON text in UTF-8 (the contract's own JSON form), the values sealed as the event carried them, and the codes of the
 * measures found ELIGIBLE. Taking an event's results costs one JSON write and no decryption; only a reader that
 * shows the values opens them.
 */
record StoredResults(byte[] json, SealedPart sealedValues, List<String> eligible) {

    /** The results of {@code event}, sealed with {@code key} when the event carried its values in clear. */
    static StoredResults of(MatchesEvaluated event, EventKey key) {
        MatchesEvaluated sealed = event.sealedValues() == null ? event.sealValues(key) : event;
        return new StoredResults(json(sealed.results()), sealed.sealedValues(), eligible(sealed.results()));
    }

    /** {@code results} (values in clear) sealed with {@code key} for storing. */
    static StoredResults of(String applicantId, List<MatchResult> results, EventKey key) {
        return of(new MatchesEvaluated(applicantId, 0, null, null, null, results, null, null), key);
    }

    /** The JSON of {@code results} as stored (their values, if any, in it: callers pass them without). */
    static byte[] json(List<MatchResult> results) {
        return EventJson.writeUtf8(new Json(results));
    }

    /** Whether opening {@code stored} needs the applicant's event key. */
    static boolean sealed(MatchDocument stored) {
        return !stored.legacy() && stored.sealedValues() != null;
    }

    /** The stored results with their values opened with {@code key} (null when {@link #sealed} is false). */
    static List<MatchResult> open(MatchDocument stored, EventKey key) {
        if (stored.legacy()) {
            return stored.results();
        }
        if (stored.resultsUtf8() == null && stored.resultsJson() == null) {
            return List.of();
        }
        List<MatchResult> results = stored.resultsUtf8() != null
                ? EventJson.readUtf8(stored.resultsUtf8(), Json.class).results()
                : EventJson.read(stored.resultsJson(), Json.class).results();
        return new MatchesEvaluated(stored.applicantId(), stored.profileVersion(), stored.asOf(),
                stored.evaluatedAt(), null, results, null, null, false, stored.sealedValues(), null)
                .openValues(key).results();
    }

    static List<String> eligible(List<MatchResult> results) {
        return results.stream().filter(result -> result.outcome() == Outcome.ELIGIBLE)
                .map(MatchResult::measureCode).distinct().toList();
    }

    /** The JSON text's shape: an object, so that it can grow fields without breaking older readers. */
    record Json(List<MatchResult> results) {
        Json {
            results = results == null ? List.of() : results;
        }
    }
}

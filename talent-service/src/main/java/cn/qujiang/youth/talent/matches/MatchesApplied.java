package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.EventKey;
import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.talent.matches.MatchReadModel.Evaluation;

/**
 * In-process notice that the read model took {@code event} (it was not older than what it held); published
 * synchronously inside the Kafka listener so that a failing reaction is retried with the record. {@code event} is as
 * it arrived, its criterion values sealed: most reactions need outcomes and codes only, and those that keep the
 * values ({@link #opened}) open them. {@code profileVersion} is the applicant's profile version read just before the
 * results were stored and {@code stored} what was stored: with both, a status request waiting for these results is
 * answered without reading either again.
 */
public record MatchesApplied(MatchesEvaluated event, EventKey key, long profileVersion, Evaluation stored) {

    /** The event with its criterion values opened. */
    public MatchesEvaluated opened() {
        return event.openValues(key);
    }
}

package cn.qujiang.youth.talent.matches;

import cn.qujiang.youth.contracts.MatchesEvaluated;

/**
 * In-process notice that the read model took {@code event} (it was not older than what it held); published
 * synchronously inside the Kafka listener so that a failing reaction is retried with the record.
 */
public record MatchesApplied(MatchesEvaluated event) {
}

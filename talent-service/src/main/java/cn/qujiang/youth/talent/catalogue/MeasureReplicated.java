package cn.qujiang.youth.talent.catalogue;

import cn.qujiang.youth.contracts.MeasurePublished;

/**
 * In-process notice that the replica now holds {@code measure}; published synchronously inside the Kafka listener,
 * so a failing reaction is retried with the record.
 */
public record MeasureReplicated(MeasurePublished measure) {
}

package cn.qujiang.youth.policy.catalogue;

import cn.qujiang.youth.policy.engine.eligibility.CompiledMeasure;
import java.time.Instant;

/**
 * A measure's saved draft, compiled as the version it would become ({@code currentVersion + 1}), so that it can be
 * evaluated like a published version before anyone publishes it. {@code revision} and {@code savedAt} tell which
 * save it is (a draft discarded and started again counts from revision 1 again): a preview is only valid for it.
 */
public record DraftUnderReview(String code, long revision, Instant savedAt, int currentVersion,
        CompiledMeasure measure) {
}

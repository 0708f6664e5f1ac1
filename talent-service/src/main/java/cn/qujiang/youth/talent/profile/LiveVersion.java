package cn.qujiang.youth.talent.profile;

import java.time.Instant;

/** A live profile's version and when it was saved ({@code savedAt} null for profiles saved before it was kept). */
public record LiveVersion(long version, Instant savedAt) {
}

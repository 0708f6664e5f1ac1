package cn.qujiang.youth.policy.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How new result lines differ from the stored ones: which measures became or stopped being ELIGIBLE, and whether
 * anything the applicant would notice changed at all (only then is an event worth sending). Identical lines cannot
 * differ, so only the lines that changed as text are read.
 */
record MatchDiff(List<String> newlyEligible, List<String> noLongerEligible, boolean changed) {

    /** {@code previous} is null for an applicant evaluated for the first time. */
    static MatchDiff between(List<String> previous, List<String> current) {
        if (previous == null) {
            return new MatchDiff(StoredResult.eligibleCodes(current), List.of(), true);
        }
        Set<String> previousSet = new HashSet<>(previous);
        Set<String> currentSet = new HashSet<>(current);
        Map<String, StoredResult> before = decoded(previous, currentSet);
        Map<String, StoredResult> after = decoded(current, previousSet);
        List<String> newly = after.values().stream().filter(StoredResult::eligible).map(StoredResult::measureCode)
                .filter(code -> !before.containsKey(code) || !before.get(code).eligible()).sorted().toList();
        List<String> noLonger = before.values().stream().filter(StoredResult::eligible).map(StoredResult::measureCode)
                .filter(code -> !after.containsKey(code) || !after.get(code).eligible()).sorted().toList();
        boolean changed = !noticeable(before).equals(noticeable(after));
        return new MatchDiff(newly, noLonger, changed);
    }

    /** The lines not also on the other side, by measure code. */
    private static Map<String, StoredResult> decoded(List<String> lines, Set<String> otherSide) {
        Map<String, StoredResult> byCode = new HashMap<>();
        for (String line : lines) {
            if (!otherSide.contains(line)) {
                StoredResult result = StoredResult.decode(line);
                byCode.put(result.measureCode(), result);
            }
        }
        return byCode;
    }

    private static Map<String, StoredResult> noticeable(Map<String, StoredResult> results) {
        Map<String, StoredResult> byCode = new HashMap<>();
        results.forEach((code, result) -> byCode.put(code, result.noticeable()));
        return byCode;
    }
}

package cn.qujiang.youth.policy.matching;

import java.util.ArrayList;
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
        // Lines are stored in the catalogue's order: where both lists have the same length, the lines equal at the
        // same position are on both sides (a code is on one line only), so only the others are hashed and decoded.
        List<String> was = previous;
        List<String> is = current;
        if (previous.size() == current.size()) {
            was = new ArrayList<>();
            is = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                if (!previous.get(i).equals(current.get(i))) {
                    was.add(previous.get(i));
                    is.add(current.get(i));
                }
            }
            if (was.isEmpty()) {
                return new MatchDiff(List.of(), List.of(), false);
            }
        }
        Map<String, StoredResult> before = decoded(was, new HashSet<>(is));
        Map<String, StoredResult> after = decoded(is, new HashSet<>(was));
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

package cn.qujiang.youth.policy.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How new result lines differ from the stored ones, worked out once for everyone who needs it: which measures became
 * or stopped being ELIGIBLE, whether anything the applicant would notice changed at all (only then is an event worth
 * sending), which lines a write has to send ({@code changedPositions}: the positions whose line changed in any way
 * when both lists hold the same measures in the same order, as within one catalogue; empty when the measures differ,
 * and then only the whole list describes the change) and whether the ELIGIBLE codes stay the same list.
 */
record MatchDiff(List<String> newlyEligible, List<String> noLongerEligible, boolean changed,
        Optional<List<Integer>> changedPositions, boolean sameEligible) {

    /** {@code previous} is null for an applicant evaluated for the first time. */
    static MatchDiff between(List<String> previous, List<String> current) {
        if (previous == null) {
            return new MatchDiff(StoredResult.eligibleCodes(current), List.of(), true, Optional.empty(), false);
        }
        if (previous.size() == current.size()) {
            MatchDiff inPlace = inPlace(previous, current);
            if (inPlace != null) {
                return inPlace;
            }
        }
        return byCode(previous, current);
    }

    /**
     * Lines are stored in the catalogue's order, so after a publish or a new day the lines that differ hold the same
     * measure on both sides: each pair is compared as text, without decoding it (a re-match asks this of every
     * applicant). Null as soon as a position holds another measure on each side.
     */
    private static MatchDiff inPlace(List<String> previous, List<String> current) {
        List<Integer> positions = new ArrayList<>(1);
        List<String> newly = new ArrayList<>(0);
        List<String> noLonger = new ArrayList<>(0);
        boolean changed = false;
        for (int i = 0; i < current.size(); i++) {
            String was = previous.get(i);
            String is = current.get(i);
            if (was.equals(is)) {
                continue;
            }
            if (!StoredResult.sameMeasure(was, is)) {
                return null;
            }
            positions.add(i);
            changed |= !StoredResult.sameNoticeable(was, is);
            boolean wasEligible = StoredResult.isEligible(was);
            if (wasEligible != StoredResult.isEligible(is)) {
                (wasEligible ? noLonger : newly).add(StoredResult.code(is));
            }
        }
        newly.sort(null);
        noLonger.sort(null);
        return new MatchDiff(List.copyOf(newly), List.copyOf(noLonger), changed, Optional.of(List.copyOf(positions)),
                newly.isEmpty() && noLonger.isEmpty());
    }

    /**
     * Measures added, retired or moved: the lines are matched by code. Where both lists have the same length, the
     * lines equal at the same position are on both sides (a code is on one line only), so only the others are hashed
     * and decoded.
     */
    private static MatchDiff byCode(List<String> previous, List<String> current) {
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
        }
        Map<String, StoredResult> before = decoded(was, new HashSet<>(is));
        Map<String, StoredResult> after = decoded(is, new HashSet<>(was));
        List<String> newly = after.values().stream().filter(StoredResult::eligible).map(StoredResult::measureCode)
                .filter(code -> !before.containsKey(code) || !before.get(code).eligible()).sorted().toList();
        List<String> noLonger = before.values().stream().filter(StoredResult::eligible).map(StoredResult::measureCode)
                .filter(code -> !after.containsKey(code) || !after.get(code).eligible()).sorted().toList();
        boolean changed = !noticeable(before).equals(noticeable(after));
        return new MatchDiff(newly, noLonger, changed, Optional.empty(),
                StoredResult.eligibleCodes(previous).equals(StoredResult.eligibleCodes(current)));
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

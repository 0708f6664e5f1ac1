package cn.qujiang.youth.talent.matches;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;

/**
 * What one stored change of an applicant's results does to the eligible counts: +1 for each measure they became
 * eligible for, −1 for each they no longer are. {@code key} is unique to this change, so that applying it twice is
 * recognised ({@link EligibleCounts}).
 */
record CountChange(String key, Map<String, Integer> delta) {

    /** As stored ({@code {key, delta: {code: ±1}}}); null for null. */
    static CountChange of(Document stored) {
        if (stored == null) {
            return null;
        }
        Map<String, Integer> delta = new TreeMap<>();
        Document byCode = stored.get("delta", Document.class);
        if (byCode != null) {
            byCode.forEach((code, n) -> delta.put(code, ((Number) n).intValue()));
        }
        return new CountChange(stored.getString("key"), delta);
    }

    Document toDocument() {
        return new Document("key", key).append("delta", new Document(delta));
    }

    /** The difference between two sets of measures eligible for; null when they are the same. */
    static CountChange between(Set<String> was, Set<String> is) {
        Map<String, Integer> delta = new TreeMap<>();
        is.stream().filter(code -> !was.contains(code)).forEach(code -> delta.put(code, 1));
        was.stream().filter(code -> !is.contains(code)).forEach(code -> delta.put(code, -1));
        return delta.isEmpty() ? null : new CountChange(UUID.randomUUID().toString(), delta);
    }
}

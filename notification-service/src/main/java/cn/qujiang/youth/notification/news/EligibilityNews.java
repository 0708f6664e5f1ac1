package cn.qujiang.youth.notification.news;

import cn.qujiang.youth.contracts.MatchesEvaluated;
import cn.qujiang.youth.notification.message.Message;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One applicant's news not told yet: the measures they newly qualify for since the last message, and when it is to
 * leave. Kept (empty) after a message left, for {@code recentEvents}: a redelivered evaluation must not bring back news
 * already told. (Not "older than the last one taken": a re-match and a profile change may arrive in either order,
 * and both may be news.) {@code lock} guards every read-modify-write.
 *
 * @param measures        in the order they became news; a measure no longer eligible before the message left is gone
 * @param firstAt         when the oldest untold news came (null when there is none)
 * @param sendAt          when the message leaves (null when there is nothing to tell)
 * @param recentEvents    ids of the latest {@code MatchesEvaluated} events taken in, newest last, at most
 *                        {@link #RECENT_EVENTS}: a redelivery comes within far fewer
 */
@Document(EligibilityNews.COLLECTION)
record EligibilityNews(
        @Id String applicantId,
        List<EligibleMeasure> measures,
        Instant firstAt,
        @Indexed(sparse = true) Instant sendAt,
        List<String> recentEvents,
        long lock) {

    static final String COLLECTION = "eligibility_news";
    static final int RECENT_EVENTS = 20;

    EligibilityNews {
        measures = measures == null ? List.of() : List.copyOf(measures);
        recentEvents = recentEvents == null ? List.of() : List.copyOf(recentEvents);
    }

    static EligibilityNews none(String applicantId) {
        return new EligibilityNews(applicantId, List.of(), null, null, List.of(), 0);
    }

    /** Whether the event with this id was taken in already (a redelivery). */
    boolean hasTaken(String eventId) {
        return recentEvents.contains(eventId);
    }

    /**
     * With one more evaluation taken in: its newly eligible measures are news (with the amount it computed), the
     * measures it found no longer eligible are no news any more. The message leaves {@code quiet} after the latest
     * news, but no later than {@code longest} after the first.
     */
    EligibilityNews taking(String eventId, MatchesEvaluated event, Instant now, NewsProperties properties) {
        List<String> taken = new ArrayList<>(recentEvents);
        taken.add(eventId);
        List<String> recent = taken.subList(Math.max(0, taken.size() - RECENT_EVENTS), taken.size());
        Set<String> replaced = new HashSet<>(event.noLongerEligible());
        replaced.addAll(event.newlyEligible());
        List<EligibleMeasure> next = new ArrayList<>();
        measures.stream().filter(measure -> !replaced.contains(measure.code())).forEach(next::add);
        Message.newlyEligible(event).ifPresent(news -> next.addAll(news.measures()));
        if (next.isEmpty()) {
            return new EligibilityNews(applicantId, List.of(), null, null, recent, lock + 1);
        }
        Instant first = firstAt == null ? now : firstAt;
        Instant send = event.newlyEligible().isEmpty() && sendAt != null ? sendAt
                : min(now.plus(properties.quiet()), first.plus(properties.longest()));
        return new EligibilityNews(applicantId, next, first, send, recent, lock + 1);
    }

    /**
     * After the message with {@code told}'s measures was planned: those are no news any more; what came meanwhile
     * stays, to leave {@code quiet} from now.
     */
    EligibilityNews withoutTold(EligibilityNews told, Instant now, NewsProperties properties) {
        List<EligibleMeasure> left = measures.stream().filter(measure -> !told.measures().contains(measure)).toList();
        return left.isEmpty()
                ? new EligibilityNews(applicantId, List.of(), null, null, recentEvents, lock + 1)
                : new EligibilityNews(applicantId, left, now, now.plus(properties.quiet()), recentEvents, lock + 1);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

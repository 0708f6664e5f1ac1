package cn.qujiang.youth.notification.news;

import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import java.time.Instant;
import java.util.List;

/**
 * News gathered for an applicant and not told yet, as their data export shows it: the measures they newly qualify
 * for (code, amount, unit), since when, and when the message is to leave.
 */
public record UntoldNews(List<EligibleMeasure> measures, Instant since, Instant sendAt) {
}

package cn.qujiang.youth.contracts;

import java.time.Instant;
import java.time.LocalDate;

/** An applicant applied for a measure; {@code dueDate} is the officers' response deadline. */
public record ApplicationSubmitted(
        String applicationId,
        String applicantId,
        String measureCode,
        int measureVersion,
        LocalizedText measureTitle,
        Instant submittedAt,
        LocalDate dueDate) {
}

package cn.qujiang.youth.notification.templates;

import cn.qujiang.youth.contracts.ApplicationDecided.Decision;
import cn.qujiang.youth.contracts.BenefitEnded.Cause;
import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.notification.message.Message;
import cn.qujiang.youth.notification.message.Message.ApplicationFacts;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import cn.qujiang.youth.notification.message.MessageKind;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The values a template sees for a message in one language: measure titles from the catalogue, amounts in words from
 * the engine's vocabulary ("每月 1,000 元", "5 折优惠", as the app says them), reasons as labels from the message
 * bundle, dates in the local long form. Values only; every sentence is in the template files.
 */
final class TemplateModel {
    private final MessageSource labels;
    private final FactVocabulary vocabulary = FactVocabulary.shipped();

    TemplateModel(MessageSource labels) {
        this.labels = labels;
    }

    /**
     * The model with at most {@code shownMeasures} measures listed (all measures are still counted).
     *
     * @param titles the titles of the message's measures; a measure without one is named by its code
     */
    Map<String, Object> of(Message message, Map<String, LocalizedText> titles, Locale locale, int shownMeasures) {
        Map<String, Object> model = new HashMap<>();
        List<EligibleMeasure> measures = message.measures();
        int shown = Math.min(shownMeasures, measures.size());
        model.put("measures", measures.subList(0, shown).stream()
                .map(measure -> measure(measure, titles, locale)).toList());
        model.put("count", measures.size());
        model.put("single", measures.size() == 1);
        model.put("more", shown < measures.size());
        model.put("moreCount", measures.size() - shown);
        ApplicationFacts application = message.application();
        if (application != null) {
            model.put("applicationId", application.applicationId());
            model.put("measureCode", application.measureCode());
            model.put("measureTitle", application.measureTitle() == null ? application.measureCode()
                    : application.measureTitle().in(locale));
            model.put("hasDueDate", application.dueDate() != null);
            model.put("dueDate", longDate(application.dueDate(), locale));
            model.put("approved", application.decision() == Decision.APPROVED);
            model.put("rejected", application.decision() == Decision.REJECTED);
            model.put("infoRequested",
                    application.decision() == Decision.INFO_REQUESTED);
            model.put("hasReason", application.reasonCode() != null && !application.reasonCode().isBlank());
            model.put("reason", reason(application.reasonCode(), locale));
            model.put("expired", application.ended() == Cause.EXPIRED);
            // Ended before its term by an officer or because the holder no longer qualifies: said the same way.
            model.put("endedEarly", application.ended() != null && application.ended() != Cause.EXPIRED);
            model.put("endedOn", longDate(application.endedOn(), locale));
        }
        return model;
    }

    /**
     * Parameters for a template registered with the SMS provider: the first measure and the count, or the
     * application's measure with its due date, its decision and reason, or how and when its benefit ended.
     */
    Map<String, String> smsParameters(Message message, Map<String, LocalizedText> titles, Locale locale) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (message.kind() == MessageKind.NEWLY_ELIGIBLE) {
            parameters.put("count", String.valueOf(message.measures().size()));
            parameters.put("measure", title(message.measures().get(0).code(), titles, locale));
            return parameters;
        }
        Map<String, Object> model = of(message, titles, locale, 0);
        parameters.put("measure", (String) model.get("measureTitle"));
        if (message.kind() == MessageKind.APPLICATION_SUBMITTED) {
            parameters.put("dueDate", (String) model.get("dueDate"));
        } else if (message.kind() == MessageKind.BENEFIT_ENDED) {
            parameters.put("ended", message.application().ended().name());
            parameters.put("endedOn", (String) model.get("endedOn"));
            parameters.put("reason", (String) model.get("reason"));
        } else {
            parameters.put("decision", message.application().decision().name());
            parameters.put("reason", (String) model.get("reason"));
        }
        return parameters;
    }

    private Map<String, Object> measure(EligibleMeasure measure, Map<String, LocalizedText> titles, Locale locale) {
        return Map.of("code", measure.code(),
                "title", title(measure.code(), titles, locale),
                "hasAmount", measure.amount() != null,
                "amount", measure.amount() == null ? ""
                        : vocabulary.words(locale).amount(measure.unit(), measure.amount()));
    }

    private static String longDate(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    private static String title(String code, Map<String, LocalizedText> titles, Locale locale) {
        LocalizedText title = titles.get(code);
        return title == null ? code : title.in(locale);
    }

    private String reason(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = labels.getMessage("reason." + code, null, null, locale);
        return known != null ? known : labels.getMessage("reason.other", new Object[] {code}, locale);
    }
}

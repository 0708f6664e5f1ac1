package cn.qujiang.youth.talent.application;

import cn.qujiang.youth.contracts.ApplicantFacts;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import cn.qujiang.youth.policy.engine.vocabulary.Words;
import cn.qujiang.youth.talent.matches.MatchResultView.FactValueView;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The applicant's facts as an officer reads them: each given fact with its label and value in words, in the order
 * of the profile; the age instead of the birth date, the number of children instead of their birth dates. Labels
 * and values come from policy-engine's vocabulary; the few facts it does not word (dates the engine turns into
 * months) from this service's {@code fact.<name>} messages.
 */
@Component
class OfficerFacts {
    private final FactVocabulary vocabulary = FactVocabulary.shipped();
    private final MessageSource messages;

    OfficerFacts(MessageSource messages) {
        this.messages = messages;
    }

    /** The age in whole years on {@code today}; null without a birth date. */
    static Integer age(ApplicantFacts facts, LocalDate today) {
        return facts == null || facts.birthDate() == null ? null
                : Period.between(facts.birthDate(), today).getYears();
    }

    List<FactValueView> of(ApplicantFacts facts, LocalDate today, Locale locale) {
        if (facts == null) {
            return List.of();
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("age", age(facts, today));
        given.put("gender", facts.gender());
        given.put("degree", facts.degree());
        given.put("graduationDate", facts.graduationDate());
        given.put("otherDegrees", facts.otherDegrees() == null || facts.otherDegrees().isEmpty() ? null
                : facts.otherDegrees());
        given.put("topUniversity", facts.topUniversity());
        given.put("hukou", facts.hukou());
        given.put("residesInQujiang", facts.residesInQujiang());
        given.put("firstTimeInQujiang", facts.firstTimeInQujiang());
        given.put("employmentStatus", facts.employmentStatus());
        given.put("employerInQujiang", facts.employerInQujiang());
        given.put("industry", facts.industry());
        given.put("socialInsuranceInQujiangSince", facts.socialInsuranceInQujiangSince());
        given.put("socialInsuranceGapMonths", facts.socialInsuranceGapMonths());
        given.put("laborContractStart", facts.laborContractStart());
        given.put("laborContractEnd", facts.laborContractEnd());
        given.put("startupInQujiang", facts.startupInQujiang());
        given.put("startupSince", facts.startupSince());
        given.put("startupSector", facts.startupSector());
        given.put("ownsHomeInQujiang", facts.ownsHomeInQujiang());
        given.put("rentingInQujiang", facts.rentingInQujiang());
        given.put("skillLevel", facts.skillLevel());
        given.put("talentTier", facts.talentTier());
        given.put("married", facts.married());
        given.put("children", facts.childrenBirthDates() == null ? null : facts.childrenBirthDates().size());
        given.put("returnedToRuralQujiang", facts.returnedToRuralQujiang());
        Words words = vocabulary.words(locale);
        List<FactValueView> worded = new ArrayList<>();
        given.forEach((fact, value) -> {
            if (value != null) {
                worded.add(new FactValueView(fact, label(fact, words, locale), value(fact, value, words, locale)));
            }
        });
        return worded;
    }

    private String label(String fact, Words words, Locale locale) {
        return messages.getMessage("fact." + fact, null, words.fact(fact), locale);
    }

    private String value(String fact, Object value, Words words, Locale locale) {
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
        }
        String unit = messages.getMessage("fact." + fact + ".unit", null, null, locale);
        if (unit != null) {
            return messages.getMessage("fact.count", new Object[] {value, unit}, locale);
        }
        return words.value(fact, value instanceof Enum<?> e ? e.name() : value);
    }
}

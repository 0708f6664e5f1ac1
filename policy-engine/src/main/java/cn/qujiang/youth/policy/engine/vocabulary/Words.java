package cn.qujiang.youth.policy.engine.vocabulary;

import cn.qujiang.youth.contracts.ApplicantFacts.Graduation;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.FactTerm;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.Terms;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.UnitTerm;
import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary.ValueTerm;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Facts, values, units and benefit amounts as a resident reads them in one language ("最高学历", "本科", "27 岁",
 * "每月 1,000 元", "5 折优惠"), for services that show match results without a client of their own to do it. Values
 * are taken raw, as events carry them ({@code BACHELOR}, {@code false}, {@code 27}, or the same as text).
 * Thread-safe.
 */
public final class Words {

    /** In a discount pattern: the price paid in tenths ("7.5" 折) and the share taken off ("25"%). */
    static final String RATE = "{rate}";
    static final String PERCENT = "{percent}";
    /** The unit whose amount is the share taken off a price. */
    static final String DISCOUNT_UNIT = "PERCENT";

    private final Locale locale;
    private final Map<String, FactTerm> facts;
    private final Map<String, UnitTerm> units;
    private final String discount;
    private final String free;

    Words(Locale locale, Terms terms, String discount, String free) {
        this.locale = locale;
        this.facts = terms.facts().stream().collect(Collectors.toMap(FactTerm::name, Function.identity()));
        this.units = terms.units().stream().collect(Collectors.toMap(UnitTerm::unit, Function.identity()));
        this.discount = discount;
        this.free = free;
    }

    /** The fact's label ("最高学历"); the name itself for a fact the vocabulary does not know. */
    public String fact(String name) {
        FactTerm term = facts.get(name);
        return term == null ? name : term.label();
    }

    /**
     * A value of the fact in words: the label of an ENUM or BOOL value ("本科", "否"), an INT as a number with the
     * fact's unit ("27 岁"), a DATE in the language's long form, DATES as a list of those; other values as they are.
     * Null for null.
     */
    public String value(String fact, Object value) {
        if (value == null) {
            return null;
        }
        String raw = String.valueOf(value);
        FactTerm term = facts.get(fact);
        if (term == null) {
            return raw;
        }
        return switch (term.type()) {
            case ENUM, BOOL -> term.values().stream().filter(v -> v.value().equals(raw)).map(ValueTerm::label)
                    .findFirst().orElse(raw);
            case INT -> integer(raw, term.unit());
            case DATE -> date(raw);
            case DATES -> value instanceof Collection<?> dates
                    ? dates.stream().map(date -> date(String.valueOf(date))).collect(Collectors.joining(separator()))
                    : raw;
            case GRADUATIONS -> value instanceof Collection<?> graduations
                    ? graduations.stream().map(this::graduation).collect(Collectors.joining(separator()))
                    : raw;
            case TEXT -> raw;
        };
    }

    /** "本科（2024年6月30日）": a {@link Graduation} as events carry it, or as JSON read it (a map). */
    private String graduation(Object item) {
        Object degree = item instanceof Graduation g ? g.degree() : item instanceof Map<?, ?> m ? m.get("degree") : item;
        Object date = item instanceof Graduation g ? g.date() : item instanceof Map<?, ?> m ? m.get("date") : null;
        String words = value("degree", degree);
        return date == null ? String.valueOf(words) : words + (chinese() ? "（" + date(String.valueOf(date)) + "）"
                : " (" + date(String.valueOf(date)) + ")");
    }

    private boolean chinese() {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage());
    }

    private String separator() {
        return chinese() ? "、" : ", ";
    }

    /** The benefit unit's label ("元/月"); the unit itself when the vocabulary does not know it. */
    public String unit(String unit) {
        UnitTerm term = unit == null ? null : units.get(unit);
        return term == null ? unit : term.label();
    }

    /**
     * A benefit amount in words: "每月 1,000 元", "7 晚"; a PERCENT amount is the share taken off a price, so 50
     * reads "5 折优惠" ("50% off") and 100 "免费". A unit the vocabulary does not know gives the number alone.
     */
    public String amount(String unit, long amount) {
        if (DISCOUNT_UNIT.equals(unit) && units.containsKey(unit)) {
            return amount >= 100 ? free : discount.replace(RATE, tenths(100 - amount)).replace(PERCENT, number(amount));
        }
        UnitTerm term = unit == null ? null : units.get(unit);
        return term == null ? number(amount) : term.amountPattern().replace(FactVocabulary.AMOUNT, number(amount));
    }

    private String integer(String raw, String unit) {
        try {
            String number = number(Long.parseLong(raw));
            return unit == null ? number : number + " " + unit;
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private String date(String raw) {
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(LocalDate.parse(raw));
        } catch (DateTimeParseException e) {
            return raw;
        }
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String tenths(long percentPaid) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(percentPaid / 10.0);
    }
}

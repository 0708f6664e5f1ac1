package cn.qujiang.youth.policy.engine.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@link Fact#declared() fact}, its values and the benefit units in words, in Chinese and English, so that
 * clients show "最高学历：本科" and "每月 1,000 元" rather than codes. The texts are in
 * {@code vocabulary/vocabulary_zh.properties} and {@code _en}:
 *
 * <pre>
 * fact.&lt;name&gt;=label                  fact.&lt;name&gt;.unit=unit of an INT fact (optional)
 * &lt;EnumSimpleName&gt;.&lt;CONSTANT&gt;=label    bool.true=…  bool.false=…
 * unit.&lt;UNIT&gt;=label                   unit.&lt;UNIT&gt;.amount=the amount in words, {amount} standing for the number
 * discount.rate=a PERCENT amount ({rate} 折, {percent}% off)   discount.free=a PERCENT amount of 100
 * </pre>
 *
 * A unit is known by having a label; every fact and value must have one. A text missing in either language, or one
 * nothing declares, fails loading, so it is caught by the tests rather than shown to someone as a code.
 */
public final class FactVocabulary {

    /** Where clients put the formatted number in a unit's {@code amountPattern}. */
    public static final String AMOUNT = "{amount}";

    private static final String FOLDER = "vocabulary/";
    private static final Pattern UNIT_KEY = Pattern.compile("unit\\.([A-Z][A-Z0-9_]*)(\\.amount)?");

    /** The texts of one language. */
    public record Terms(List<FactTerm> facts, List<UnitTerm> units) {
    }

    /** A fact in words; {@code unit} only for an INT fact measured in something, {@code values} for ENUM and BOOL. */
    public record FactTerm(String name, FactType type, String label, String unit, List<ValueTerm> values) {
    }

    public record ValueTerm(String value, String label) {
    }

    public record UnitTerm(String unit, String label, String amountPattern) {
    }

    private static final String DISCOUNT_RATE = "discount.rate";
    private static final String DISCOUNT_FREE = "discount.free";

    private final Terms chinese;
    private final Terms english;
    private final Words chineseWords;
    private final Words englishWords;

    private FactVocabulary(Properties chinese, Properties english, Set<String> units) {
        this.chinese = terms(chinese, units);
        this.english = terms(english, units);
        this.chineseWords = new Words(Locale.SIMPLIFIED_CHINESE, this.chinese, chinese.getProperty(DISCOUNT_RATE),
                chinese.getProperty(DISCOUNT_FREE));
        this.englishWords = new Words(Locale.ENGLISH, this.english, english.getProperty(DISCOUNT_RATE),
                english.getProperty(DISCOUNT_FREE));
    }

    /** The vocabulary shipped with the engine, loaded once. */
    public static FactVocabulary shipped() {
        return Shipped.VOCABULARY;
    }

    /** English when the caller asked for English, Chinese otherwise (as {@code LocalizedText.in}). */
    public Terms in(Locale locale) {
        return english(locale) ? english : chinese;
    }

    /** Facts, values, units and amounts in words, in the language {@link #in(Locale)} picks. */
    public Words words(Locale locale) {
        return english(locale) ? englishWords : chineseWords;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * The vocabulary of these texts.
     *
     * @throws IllegalStateException naming every text missing in a language and every key nothing declares
     */
    static FactVocabulary of(Properties chinese, Properties english) {
        Set<String> units = units(chinese, english);
        Set<String> required = required(units, chinese, english);
        List<String> problems = new ArrayList<>();
        problems.addAll(check("zh", chinese, required));
        problems.addAll(check("en", english, required));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the fact vocabulary is incomplete: " + String.join("; ", problems));
        }
        return new FactVocabulary(chinese, english, units);
    }

    static Properties read(String language) {
        String resource = FOLDER + "vocabulary_" + language + ".properties";
        try (InputStream in = FactVocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Units labelled in either language, by name. */
    private static Set<String> units(Properties chinese, Properties english) {
        Set<String> units = new TreeSet<>();
        for (Properties texts : List.of(chinese, english)) {
            for (String key : texts.stringPropertyNames()) {
                Matcher unit = UNIT_KEY.matcher(key);
                if (unit.matches()) {
                    units.add(unit.group(1));
                }
            }
        }
        return units;
    }

    /**
     * The keys both languages must have: every fact's label, every value's label, label and amount pattern of every
     * unit, the unit of an INT fact that either language measures in one, and the discount texts once PERCENT is a
     * unit.
     */
    private static Set<String> required(Set<String> units, Properties chinese, Properties english) {
        Set<String> required = new TreeSet<>();
        for (Fact fact : Fact.declared()) {
            required.add(labelKey(fact));
            fact.values().forEach(value -> required.add(valueKey(fact, value)));
            if (fact.type() == FactType.INT
                    && (chinese.containsKey(unitKey(fact)) || english.containsKey(unitKey(fact)))) {
                required.add(unitKey(fact));
            }
        }
        for (String unit : units) {
            required.add("unit." + unit);
            required.add("unit." + unit + ".amount");
        }
        if (units.contains(Words.DISCOUNT_UNIT)) {
            required.add(DISCOUNT_RATE);
            required.add(DISCOUNT_FREE);
        }
        return required;
    }

    private static List<String> check(String language, Properties texts, Set<String> required) {
        List<String> problems = new ArrayList<>();
        required.stream().filter(key -> texts.getProperty(key, "").isBlank())
                .forEach(key -> problems.add(language + " has no text for " + key));
        required.stream().filter(key -> key.startsWith("unit.") && key.endsWith(".amount"))
                .map(key -> texts.getProperty(key, AMOUNT))
                .filter(pattern -> !pattern.contains(AMOUNT))
                .forEach(pattern -> problems.add(language + " amount pattern '" + pattern + "' lacks " + AMOUNT));
        String discount = texts.getProperty(DISCOUNT_RATE, Words.RATE);
        if (required.contains(DISCOUNT_RATE) && !discount.contains(Words.RATE) && !discount.contains(Words.PERCENT)) {
            problems.add(language + " discount '" + discount + "' lacks " + Words.RATE + " or " + Words.PERCENT);
        }
        new TreeSet<>(texts.stringPropertyNames()).stream()
                .filter(key -> !required.contains(key))
                .forEach(key -> problems.add(language + " has " + key + ", which no fact, value or unit declares"));
        return problems;
    }

    private static Terms terms(Properties texts, Set<String> units) {
        List<FactTerm> facts = Fact.declared().stream()
                .map(fact -> new FactTerm(fact.name(), fact.type(), texts.getProperty(labelKey(fact)),
                        texts.getProperty(unitKey(fact)),
                        fact.values().stream()
                                .map(value -> new ValueTerm(value, texts.getProperty(valueKey(fact, value))))
                                .toList()))
                .toList();
        List<UnitTerm> unitTerms = units.stream()
                .map(unit -> new UnitTerm(unit, texts.getProperty("unit." + unit),
                        texts.getProperty("unit." + unit + ".amount")))
                .toList();
        return new Terms(facts, unitTerms);
    }

    private static String labelKey(Fact fact) {
        return "fact." + fact.name();
    }

    private static String unitKey(Fact fact) {
        return "fact." + fact.name() + ".unit";
    }

    private static String valueKey(Fact fact, String value) {
        return fact.type() == FactType.BOOL ? "bool." + value : fact.enumType().getSimpleName() + "." + value;
    }

    /** Loaded on first use; a broken vocabulary fails there, and in the tests. */
    private static final class Shipped {
        static final FactVocabulary VOCABULARY = of(read("zh"), read("en"));
    }
}

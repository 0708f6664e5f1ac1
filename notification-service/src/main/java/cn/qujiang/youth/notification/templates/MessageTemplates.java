package cn.qujiang.youth.notification.templates;

import cn.qujiang.youth.contracts.LocalizedText;
import cn.qujiang.youth.notification.catalogue.MeasureTitles;
import cn.qujiang.youth.notification.message.Message;
import cn.qujiang.youth.notification.message.Message.EligibleMeasure;
import cn.qujiang.youth.notification.message.MessageKind;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders messages from the Mustache files under {@code templates/notifications/<kind>/<language>/}: {@code subject}
 * (e-mail subject and inbox title), {@code email.html}, {@code email.txt}, {@code sms} and {@code in-app}.
 * Languages are zh-CN (the default) and en. HTML is escaped; text, SMS and inbox templates are not.
 */
@Component
public class MessageTemplates {
    public static final String ZH = "zh-CN";
    public static final String EN = "en";

    private final Mustache.Compiler html;
    private final Mustache.Compiler text;
    private final TemplateModel models;
    private final MeasureTitles titles;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MessageTemplates(Mustache.Compiler compiler, MessageSource labels, MeasureTitles titles) {
        this.html = compiler.escapeHTML(true);
        this.text = compiler.escapeHTML(false);
        this.models = new TemplateModel(labels);
        this.titles = titles;
    }

    /** The language a message is written in: English when asked for, Chinese otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && EN.equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** @param name the recipient's name for the greeting, or null for a neutral one (used once, never stored) */
    public RenderedEmail email(Message message, Locale locale, String name) {
        Locale language = supported(locale);
        Map<String, Object> model = models.of(message, titles(message), language, Integer.MAX_VALUE);
        model.put("hasName", name != null && !name.isBlank());
        model.put("name", name == null ? "" : name);
        return new RenderedEmail(singleLine(render(text, message.kind(), language, "subject", model)),
                render(text, message.kind(), language, "email.txt", model),
                render(html, message.kind(), language, "email.html", model));
    }

    public RenderedInApp inApp(Message message, Locale locale) {
        Locale language = supported(locale);
        Map<String, Object> model = models.of(message, titles(message), language, Integer.MAX_VALUE);
        return new RenderedInApp(singleLine(render(text, message.kind(), language, "subject", model)),
                render(text, message.kind(), language, "in-app", model).strip());
    }

    /**
     * The SMS text, signature included, kept within {@code maxLength} characters (one segment) where possible by
     * listing fewer measures and saying how many there are in all ("等3项"). A text that is still too long with one
     * measure is sent as it is: the provider splits it.
     */
    public String sms(Message message, Locale locale, String signName, int maxLength) {
        Locale language = supported(locale);
        Map<String, LocalizedText> measureTitles = titles(message);
        String content = null;
        for (int shown = Math.max(1, message.measures().size()); shown >= 1; shown--) {
            Map<String, Object> model = models.of(message, measureTitles, language, shown);
            model.put("signName", signName);
            content = singleLine(render(text, message.kind(), language, "sms", model));
            if (content.codePointCount(0, content.length()) <= maxLength) {
                return content;
            }
        }
        return content;
    }

    /** The values a provider-side SMS template is filled with, for providers that send registered templates. */
    public Map<String, String> smsParameters(Message message, Locale locale) {
        return models.smsParameters(message, titles(message), supported(locale));
    }

    private Map<String, LocalizedText> titles(Message message) {
        return message.measures().isEmpty() ? Map.of()
                : titles.of(message.measures().stream().map(EligibleMeasure::code).toList());
    }

    private String render(Mustache.Compiler compiler, MessageKind kind, Locale language, String part,
            Map<String, Object> model) {
        String name = "notifications/" + kind.template() + "/" + language.toLanguageTag() + "/" + part;
        String key = (compiler == html ? "html:" : "text:") + name;
        return compiled.computeIfAbsent(key, ignored -> compiler.loadTemplate(name)).execute(model);
    }

    private static String singleLine(String rendered) {
        return rendered.strip().replaceAll("\\s*\\R\\s*", "");
    }
}

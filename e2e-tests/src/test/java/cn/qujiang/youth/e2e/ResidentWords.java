package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * What a resident must never read on a screen: the codes the APIs and the catalogue speak in (every enum value of
 * the three API documents the app is typed from, every benefit unit and kind, category and mode of the catalogue),
 * programming leftovers, and message keys or fact paths that a missing translation would show instead of words.
 */
final class ResidentWords {
    private static final Path REPO = Path.of(System.getProperty("qujiang.repo-dir", "..")).toAbsolutePath().normalize();
    private static final Pattern CATALOGUE_CODE =
            Pattern.compile("^\\s*(?:unit|kind|category|mode): ([A-Z][A-Z_]+)\\s*$", Pattern.MULTILINE);
    /** A message key of the app ("matches.group.eligible") or a fact path ("residence.firstTimeInQujiang"). */
    private static final Pattern KEY_OR_FACT = Pattern.compile("\\b(?:(?:app|tabs|state|action|home|calculator|profile"
            + "|vocabulary|matches|measures|applications|inbox|settings|account)\\.[a-zA-Z]+|[a-z]+\\.[a-z]+[A-Z]\\w*)\\b");
    private static final List<String> LEFTOVERS = List.of("true", "false", "null", "undefined", "NaN", "[object Object]");
    private static Set<String> codes;

    private ResidentWords() {
    }

    static void assertNoCodes(String screenText) {
        for (String code : codes()) {
            assertThat(screenText).as("the screen shows the code %s:%n%s", code, screenText)
                    .doesNotContainPattern("(?<![A-Za-z0-9_])" + Pattern.quote(code) + "(?![A-Za-z0-9_])");
        }
        for (String leftover : LEFTOVERS) {
            assertThat(screenText).as("the screen shows %s:%n%s", leftover, screenText)
                    .doesNotContainPattern("(?<![A-Za-z])" + Pattern.quote(leftover) + "(?![A-Za-z])");
        }
        assertThat(screenText).as("the screen shows a message key or a fact path:%n%s", screenText)
                .doesNotContainPattern(KEY_OR_FACT);
        assertThat(screenText).as("the screen shows a placeholder that was not filled in:%n%s", screenText)
                .doesNotContainPattern("\\{[a-zA-Z]+\\}");
    }

    private static synchronized Set<String> codes() {
        if (codes == null) {
            Set<String> all = new TreeSet<>();
            for (String service : List.of("talent", "policy", "notification")) {
                collectEnums(Http.JSON.readTree(read(REPO.resolve("web/openapi/" + service + ".json"))), all);
            }
            try (Stream<Path> files = Files.list(REPO.resolve("policy-engine/src/main/resources/catalogue"))) {
                files.filter(file -> file.toString().endsWith(".yaml")).forEach(file -> {
                    Matcher code = CATALOGUE_CODE.matcher(read(file));
                    while (code.find()) {
                        all.add(code.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Single letters (talent tiers A–E) are ordinary text.
            all.removeIf(code -> code.length() < 3);
            assertThat(all).as("codes read from the API documents and the catalogue")
                    .contains("BACHELOR", "CNY_PER_MONTH", "NEEDS_INFO", "AUTO_GRANT");
            codes = all;
        }
        return codes;
    }

    private static void collectEnums(JsonNode node, Set<String> into) {
        if (node.isObject() && node.path("enum").isArray()) {
            node.path("enum").forEach(value -> into.add(value.asString()));
        }
        if (node.isContainer()) {
            node.forEach(child -> collectEnums(child, into));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.qujiang.youth.policy.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.qujiang.youth.contracts.ApplicantFacts;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Services that only show facts (talent-service, notification-service) take this module without the CEL runtime and
 * its dependencies (about 8 MB): the vocabulary, and the fact declarations it reads, must load without them.
 */
class VocabularyWithoutCelTest {

    @Test
    void theVocabularyLoadsWithTheEngineAndTheContractsAlone() throws Exception {
        URL engine = Words.class.getProtectionDomain().getCodeSource().getLocation();
        URL contracts = ApplicantFacts.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutCel = new URLClassLoader(new URL[] {engine, contracts},
                ClassLoader.getPlatformClassLoader())) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                    .isThrownBy(() -> withoutCel.loadClass("dev.cel.common.types.SimpleType"));

            Class<?> vocabulary = withoutCel.loadClass(FactVocabulary.class.getName());
            Object shipped = vocabulary.getMethod("shipped").invoke(null);
            Object words = vocabulary.getMethod("words", Locale.class).invoke(shipped, Locale.SIMPLIFIED_CHINESE);
            Method value = words.getClass().getMethod("value", String.class, Object.class);
            Method amount = words.getClass().getMethod("amount", String.class, long.class);

            assertThat(value.invoke(words, "degree", "BACHELOR")).isEqualTo("本科");
            assertThat(amount.invoke(words, "CNY_PER_MONTH", 1000L)).isEqualTo("每月 1,000 元");
        }
    }
}

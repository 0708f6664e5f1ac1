package cn.qujiang.youth.policy.vocabulary;

import cn.qujiang.youth.policy.engine.vocabulary.FactVocabulary;
import cn.qujiang.youth.policy.vocabulary.VocabularyViews.Vocabulary;
import cn.qujiang.youth.policy.web.Languages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The engine's fact vocabulary, public: what facts, their values and benefit units are called, in one language. */
@RestController
@Tag(name = "Vocabulary", description = "Facts, values and benefit units in words (public)")
class VocabularyController {
    /** Changes only with a release; a client or proxy may keep it a while. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final FactVocabulary vocabulary = FactVocabulary.shipped();

    @GetMapping("/api/policy/vocabulary")
    @Operation(summary = "Every fact, its values and every benefit unit in words",
            description = "For showing criterion `values`, `missingFacts`, profile fields and benefit amounts in "
                    + "words: labels in `lang` or Accept-Language (zh by default). Cacheable for 5 minutes.")
    ResponseEntity<Vocabulary> vocabulary(
            @Parameter(description = "zh or en; overrides Accept-Language") @RequestParam(required = false) String lang,
            Locale requested) {
        Vocabulary body = VocabularyViews.of(vocabulary.in(Languages.resolve(lang, requested)));
        return ResponseEntity.ok().cacheControl(CACHE).varyBy(HttpHeaders.ACCEPT_LANGUAGE).body(body);
    }
}

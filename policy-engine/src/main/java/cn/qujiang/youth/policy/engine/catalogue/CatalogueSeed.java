package cn.qujiang.youth.policy.engine.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The sample catalogue shipped on the classpath under {@code catalogue/}: one YAML list of measures per category.
 * The files are named in {@code catalogue/index.txt} because a folder inside a jar cannot be listed.
 */
public final class CatalogueSeed {

    private static final String FOLDER = "catalogue/";
    private static final String INDEX = FOLDER + "index.txt";
    /** Strict, unlike Jackson 3's default: a misspelt property in the seed must fail, not vanish. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<MeasureDefinition>> MEASURES = new TypeReference<>() {
    };

    private CatalogueSeed() {
    }

    /** Every seed measure, in index order; fails on a missing file or a property the model does not know. */
    public static List<MeasureDefinition> load() {
        List<MeasureDefinition> measures = new ArrayList<>();
        for (String file : indexedFiles()) {
            try (InputStream in = open(FOLDER + file)) {
                measures.addAll(YAML.readValue(in, MEASURES));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FOLDER + file, e);
            }
        }
        return List.copyOf(measures);
    }

    private static List<String> indexedFiles() {
        try (BufferedReader index = new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
            return index.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = CatalogueSeed.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }
}

package cn.qujiang.youth.stack;

import cn.qujiang.youth.infra.ChildProcess;
import cn.qujiang.youth.infra.InfraException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The services' JVMs run with the full JIT (C1 and C2), and class data sharing pays for what C2 costs at start-up.
 * A service jar is extracted once (Spring Boot's jar mode {@code tools}: the application jar and its libraries as
 * plain files, which CDS can map and nested jars it cannot). The first run of the extracted jar writes a dynamic CDS
 * archive of every class it loaded when it stops (on Ctrl-C, 5–10 s of CPU per service); later runs map that archive
 * instead of loading, parsing and verifying those classes again. A rebuilt jar gets a new directory.
 *
 * <p>{@code -Dqujiang.stack.class-data=train} (default: use the archive, write it when missing), {@code use} (use an
 * existing archive, never write one: a stack started once per test run gains nothing from writing it), {@code off}.
 */
final class ClassDataSharing {

    enum Mode { TRAIN, USE, OFF }

    /** How to launch a service: the JVM options and the jar to run. */
    record Launch(List<String> jvmOptions, Path jar) {
    }

    private static final String PROPERTY = "qujiang.stack.class-data";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private ClassDataSharing() {
    }

    static Mode mode() {
        return Mode.valueOf(System.getProperty(PROPERTY, "train").toUpperCase(Locale.ROOT));
    }

    static Launch prepare(String name, Path fatJar, Mode mode) {
        if (mode == Mode.OFF) {
            return new Launch(List.of(), fatJar);
        }
        Path extracted = extracted(name, fatJar);
        Path archive = extracted.resolve(name + ".jsa");
        List<String> options = new ArrayList<>();
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        } else if (mode == Mode.TRAIN) {
            options.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        // Classes CDS cannot archive (failed verification, generated proxies) are reported one line each: noise.
        options.add("-Xlog:cds=off");
        options.add("-Xlog:cds+dynamic=off");
        return new Launch(options, extracted.resolve(fatJar.getFileName()));
    }

    /** {@code target/cds/<name>-<size>-<mtime>/}, extracted into a temporary sibling first so no run sees half of it. */
    private static Path extracted(String name, Path fatJar) {
        try {
            Path dir = fatJar.resolveSibling("cds").resolve(name + "-" + Files.size(fatJar) + "-"
                    + Files.getLastModifiedTime(fatJar).toMillis());
            if (Files.isRegularFile(dir.resolve(fatJar.getFileName()))) {
                return dir;
            }
            Path partial = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".partial-"
                    + ProcessHandle.current().pid());
            Process extract = new ProcessBuilder(ChildProcess.javaExecutable(), "-Djarmode=tools", "-jar",
                    fatJar.toString(), "extract", "--destination", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!extract.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new InfraException("could not extract " + fatJar + " for class data sharing");
            }
            try {
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException another) {
                // Another stack extracted the same jar meanwhile: use theirs.
                if (!Files.isRegularFile(dir.resolve(fatJar.getFileName()))) {
                    throw another;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new InfraException("could not extract " + fatJar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while extracting " + fatJar, e);
        }
    }
}

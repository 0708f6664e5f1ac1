package cn.qujiang.youth.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A browser on one of the e2e stack's apps: Debian's Chromium (zh-CN, Asia/Shanghai), one per test JVM, a fresh
 * context (no cookies, no storage) per journey; a journey asks for a {@link Phone} or a {@link Desk} as a test method
 * parameter ({@code @ExtendWith(Browsing.PerJourney.class)}).
 *
 * <p>Every console error and uncaught page error fails the journey: that catches CSP and CORS mistakes, scripts
 * that throw, and calls the gateway answers with 5xx. When a journey fails, the screen it failed on is saved, and
 * the failure's message tells the page, its text and the app's last API calls with their answers: CI keeps only
 * the end of its output, and a step that fails once in many runs must be explainable from that alone.
 */
abstract class Browsing {
    /**
     * Chromium logs every HTTP 4xx answer as a console error ("Failed to load resource"), even when the app asked
     * on purpose and shows the answer in words. Only these are tolerated, each for the reason given; any other 4xx
     * (and every 5xx) fails the journey.
     */
    private static final List<ExpectedAnswer> HANDLED_ANSWERS = List.of(
            // A resident who has not saved a profile yet (just registered): the app starts an empty profile form.
            new ExpectedAnswer(404, "/api/talent/me/profile"),
            // A first profile saved a moment ago and not matched yet: the app says it is matching and asks again.
            new ExpectedAnswer(404, "/api/policy/me/results"),
            // A colleague decided first: the console explains it and shows the application as it is now.
            new ExpectedAnswer(409, "/api/talent/review/applications/[^/]+/decision"),
            // A document refused (its kind, size or content): the app says why under the document.
            new ExpectedAnswer(415, "/api/talent/me(/applications/[^/]+)?/documents"),
            // Applying with documents missing: the app names them.
            new ExpectedAnswer(409, "/api/talent/me/applications"),
            // The service shedding load as a profile is saved: the app says nothing was saved and when to try again.
            new ExpectedAnswer(503, "/api/talent/me/profile"),
            // A measure without a draft: the policy console shows "no draft" and drafts from the published version.
            new ExpectedAnswer(404, "/api/policy/admin/measures/[^/]+/draft"));
    private static final Pattern FAILED_RESOURCE =
            Pattern.compile("Failed to load resource: the server responded with a status of (\\d{3}).*");
    /** What Chromium logs for a request that failed because the connection was lost ({@link #disconnect}). */
    private static final String DISCONNECTED = "net::ERR_INTERNET_DISCONNECTED";
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");
    private static final int CALLS_KEPT = 25;
    private static Playwright playwright;
    private static Browser browser;

    private final BrowserContext context;
    final Page page;
    private final List<String> errors = new ArrayList<>();
    private final Deque<String> calls = new ArrayDeque<>();
    /** Paths {@link #disconnect} cut off during this journey: their failures in the console are expected. */
    private final List<Pattern> cutOff = new ArrayList<>();
    private final List<Predicate<String>> cuts = new ArrayList<>();
    private final long started = System.nanoTime();

    /**
     * {@code screen}: viewport, scale and touch of the device, always in zh-CN and Asia/Shanghai. With reduced motion
     * (which the console's charts honour) a screenshot shows a chart drawn, not half-way through its animation.
     */
    Browsing(Browser.NewContextOptions screen) {
        context = browser().newContext(screen.setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                .setReducedMotion(ReducedMotion.REDUCE).setAcceptDownloads(true));
        // Generous for a 2-core CI machine that also runs the whole stack; a passing step waits far less.
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onConsoleMessage(this::console);
        page.onPageError(error -> errors.add("page error: " + error + " (" + page.url() + ")"));
        page.onRequestFinished(request -> called(request, () -> answer(request)));
        page.onRequestFailed(request -> called(request, () -> "failed: " + request.failure()));
    }

    private static String answer(Request request) {
        Response response = request.response();
        double took = request.timing().responseEnd;
        return (response == null ? "no answer" : String.valueOf(response.status()))
                + (took >= 0 ? " in %.0f ms".formatted(took) : "");
    }

    /**
     * Keeps the app's latest API calls (not its scripts, images, nor {@code blob:} and {@code data:} URLs, which have
     * no path) for a failure's message.
     */
    private synchronized void called(Request request, Supplier<String> outcome) {
        String path = apiPath(request.url());
        if (path == null) {
            return;
        }
        if (calls.size() == CALLS_KEPT) {
            calls.removeFirst();
        }
        calls.addLast("%6.1f s  %s %s → %s".formatted((System.nanoTime() - started) / 1e9, request.method(), path,
                outcome.get()));
    }

    private static String apiPath(String url) {
        try {
            String path = URI.create(url).getPath();
            return path != null && path.startsWith("/api/") ? path : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code failure} with what the person saw and what the app had asked and been answered. */
    private synchronized AssertionError explained(Throwable failure) {
        StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
        try {
            shot("failed");
            String text = text();
            message.append("\n--- failed after %.1f s on %s, showing:\n".formatted((System.nanoTime() - started) / 1e9,
                    page.url())).append(text.length() > 1500 ? text.substring(0, 1500) + " …" : text);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        message.append("\n--- the app's last API calls:\n  ").append(String.join("\n  ", calls));
        if (!errors.isEmpty()) {
            message.append("\n--- browser console errors:\n  ").append(String.join("\n  ", errors));
        }
        AssertionError explained = new AssertionError(message.toString(), failure);
        explained.setStackTrace(failure.getStackTrace());
        return explained;
    }

    /** Screenshots of an earlier run of this journey would mix with this run's. */
    static void forgetEarlierRun(Path directory, String prefix) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("qujiang.chromium", "/usr/bin/chromium")))
                    .setHeadless(true).setArgs(CHROMIUM_FLAGS));
            PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    private void console(ConsoleMessage message) {
        if (!message.type().equals("error")) {
            return;
        }
        Matcher failed = FAILED_RESOURCE.matcher(message.text());
        String resource = message.location();
        if (message.text().contains(DISCONNECTED) && wasCutOff(resource)) {
            return;
        }
        if (failed.matches() && handled(Integer.parseInt(failed.group(1)), resource)) {
            return;
        }
        errors.add(message.text() + " (" + (failed.matches() ? resource : page.url()) + ")");
    }

    private boolean wasCutOff(String resource) {
        String path = resourcePath(resource);
        return path != null && cutOff.stream().anyMatch(pattern -> pattern.matcher(path).matches());
    }

    /** The API path of a console message's location (the URL, then line and column numbers), or null. */
    private static String resourcePath(String resource) {
        return apiPath(resource.replaceFirst("(:\\d+)+$", ""));
    }

    /**
     * The app's calls whose path matches {@code pathPattern} fail from now on as on a phone that lost its connection,
     * until {@link #reconnect}: the screen must say so and offer to try again.
     */
    void disconnect(String pathPattern) {
        Pattern pattern = Pattern.compile(pathPattern);
        cutOff.add(pattern);
        Predicate<String> cut = url -> {
            String path = apiPath(url);
            return path != null && pattern.matcher(path).matches();
        };
        cuts.add(cut);
        page.route(cut, route -> route.abort("internetdisconnected"));
    }

    /** The connection is back for every path {@link #disconnect} cut off. */
    void reconnect() {
        cuts.forEach(page::unroute);
        cuts.clear();
    }

    /** {@code resource} is the console message's location: the URL, then line and column numbers. */
    private static boolean handled(int status, String resource) {
        String path = resourcePath(resource);
        return path != null
                && HANDLED_ANSWERS.stream().anyMatch(answer -> answer.status() == status && path.matches(answer.path()));
    }

    /** Where the screenshot called {@code name} goes. */
    abstract Path shotPath(String name);

    /** The app's origin in the e2e stack. */
    abstract String origin();

    /** A viewport screenshot (fixed bars stay where the person sees them). */
    void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setAnimations(ScreenshotAnimations.DISABLED)
                .setPath(shotPath(name)));
    }

    /** Scrolls {@code element} to the middle of the screen, clear of the fixed nav bar and tab bar, for a shot. */
    void centre(Locator element) {
        element.evaluate("element => element.scrollIntoView({block: 'center'})");
    }

    /** The real Keycloak login page of the realm: the app has just sent the resident there. */
    void signInOnKeycloak(String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        shot("keycloak-login");
        page.locator("#kc-login").click();
    }

    /** The realm's own registration page, as a new resident fills it in. */
    void registerOnKeycloak(Applicant applicant) {
        page.locator("#username").fill(applicant.username);
        page.locator("#password").fill(applicant.password);
        page.locator("#password-confirm").fill(applicant.password);
        page.locator("#email").fill(applicant.email);
        page.locator("#lastName").fill("测试");
        page.locator("#firstName").fill("青年");
        shot("keycloak-register");
        page.locator("input[type=submit]").click();
    }

    /** What the resident can read on the whole page right now. */
    String text() {
        return page.locator("body").innerText();
    }

    String url(String path) {
        return origin() + path;
    }

    /** {@code failure}: already explained, with the console errors, by {@link #explained}. */
    private void close(Throwable failure) {
        context.close();
        if (failure == null && !errors.isEmpty()) {
            throw new AssertionError("browser console errors:\n  " + String.join("\n  ", errors));
        }
    }

    /** {@code path}: a regular expression of the request's path. */
    private record ExpectedAnswer(int status, String path) {
    }

    /** Gives each journey (test method) a browser of its own (a Phone or a Desk), and checks and closes it afterwards. */
    static class PerJourney implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {
        private static final ExtensionContext.Namespace BROWSERS = ExtensionContext.Namespace.create(Browsing.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Phone.class || type == Desk.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            E2eStack.get();
            String journey = context.getRequiredTestMethod().getName();
            Browsing browsing = parameter.getParameter().getType() == Phone.class ? new Phone(journey)
                    : new Desk(journey);
            context.getStore(BROWSERS).put(Browsing.class, browsing);
            return browsing;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            Browsing browsing = context.getStore(BROWSERS).get(Browsing.class, Browsing.class);
            throw browsing == null ? failure : browsing.explained(failure);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Browsing browsing = context.getStore(BROWSERS).remove(Browsing.class, Browsing.class);
            if (browsing != null) {
                browsing.close(context.getExecutionException().orElse(null));
            }
        }
    }
}

package cn.qujiang.youth.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A resident's phone: Debian's Chromium at 390×844 (scale 2, touch, zh-CN, Asia/Shanghai) opening the mobile app
 * of the e2e stack. One browser per test JVM, a fresh context (no cookies, no storage) per journey. Every console
 * error and uncaught page error is collected and fails the journey on {@link #close()}: that catches CSP and CORS
 * mistakes, scripts that throw, and calls the gateway answers with 5xx.
 */
final class Phone implements AutoCloseable {
    /**
     * Chromium logs every HTTP 4xx as "Failed to load resource". These are answers the app handles on purpose (404
     * before the first profile, 409 for a refused application) and shows in words; 5xx, CORS and CSP reports are
     * still errors.
     */
    private static final Pattern HANDLED_CLIENT_ERROR =
            Pattern.compile("Failed to load resource: the server responded with a status of 4\\d\\d.*");
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");
    private static Playwright playwright;
    private static Browser browser;

    private final BrowserContext context;
    final Page page;
    private final Path screenshots;
    private final List<String> errors = new ArrayList<>();
    private int shots;

    private Phone(String journey) {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !HANDLED_CLIENT_ERROR.matcher(message.text()).matches()) {
                errors.add(message.text() + " (" + page.url() + ")");
            }
        });
        page.onPageError(error -> errors.add("page error: " + error));
        screenshots = Path.of("target", "screenshots", journey);
    }

    static Phone open(String journey) {
        Phone phone = new Phone(journey);
        phone.page.navigate(E2eStack.get().mobileAppUrl() + "/");
        return phone;
    }

    private static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("qujiang.chromium", "/usr/bin/chromium")))
                    .setHeadless(true).setArgs(CHROMIUM_FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    /** A viewport screenshot (the tab bar stays at the bottom) under target/screenshots/<journey>/. */
    void shot(String name) {
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(screenshots.resolve(String.format("%02d-%s.png", ++shots, name))));
    }

    /** The real Keycloak login page of the realm: the app has just sent the resident there. */
    void signInOnKeycloak(String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        shot("keycloak-login");
        page.locator("#kc-login").click();
    }

    /** What the resident can read on the whole page right now. */
    String text() {
        return page.locator("body").innerText();
    }

    String url(String path) {
        return E2eStack.get().mobileAppUrl() + path;
    }

    @Override
    public void close() {
        context.close();
        assertThat(errors).as("browser console errors").isEmpty();
    }
}

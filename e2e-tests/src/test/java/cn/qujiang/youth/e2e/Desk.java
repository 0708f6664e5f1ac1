package cn.qujiang.youth.e2e;

import com.microsoft.playwright.Browser;
import java.nio.file.Path;

/**
 * An HR officer's desktop: Chromium at 1440×900 opening the officers' console of the e2e stack; screenshots as
 * target/screenshots/console-&lt;name&gt;.png. See {@link Browsing}.
 */
final class Desk extends Browsing {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final String journey;

    Desk(String journey) {
        super(new Browser.NewContextOptions().setViewportSize(1440, 900).setDeviceScaleFactor(1));
        this.journey = journey;
    }

    @Override
    Path shotPath(String name) {
        return SCREENSHOTS.resolve("console-" + ("failed".equals(name) ? journey + "-failed" : name) + ".png");
    }

    @Override
    String origin() {
        return E2eStack.get().consoleUrl();
    }

    /** A smaller office screen than the default 1440×900. */
    Desk sized(int width, int height) {
        page.setViewportSize(width, height);
        return this;
    }

    Desk open(String path) {
        page.navigate(url(path));
        return this;
    }
}

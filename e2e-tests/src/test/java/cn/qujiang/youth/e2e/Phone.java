package cn.qujiang.youth.e2e;

import com.microsoft.playwright.Browser;
import java.nio.file.Path;

/**
 * A resident's phone: Chromium at 390×844 (scale 2, touch) opening the mobile app of the e2e stack; screenshots
 * under target/screenshots/&lt;journey&gt;/nn-&lt;name&gt;.png. See {@link Browsing}.
 */
final class Phone extends Browsing {
    private final Path screenshots;
    private int shots;

    Phone(String journey) {
        super(new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true)
                .setHasTouch(true));
        screenshots = Path.of("target", "screenshots", journey);
        forgetEarlierRun(screenshots, "");
    }

    @Override
    Path shotPath(String name) {
        return screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
    }

    @Override
    String origin() {
        return E2eStack.get().mobileAppUrl();
    }

    /** Opens the app's home screen, as a resident following a link does. */
    Phone open() {
        return open("/");
    }

    Phone open(String path) {
        page.navigate(url(path));
        return this;
    }

    /** Kept for the mobile journeys' {@code @ExtendWith(Phone.PerJourney.class)}. */
    static final class PerJourney extends Browsing.PerJourney {
    }
}

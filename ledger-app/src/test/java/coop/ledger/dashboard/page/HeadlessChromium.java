package coop.ledger.dashboard.page;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The browser of the browser tests: the system's headless Chromium driven through the system's ChromeDriver (never
 * a downloaded one), with a profile of its own, and, when a test downloads files, a download directory of its own.
 * Closing it quits the browser and deletes both directories.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final Path profile;
    private final Path downloads;
    private ChromeDriver driver;

    private HeadlessChromium(Path profile, Path downloads) {
        this.profile = profile;
        this.downloads = downloads;
    }

    /** A browser with a window of {@code width}×{@code height}, which does not download. */
    static HeadlessChromium start(int width, int height) throws IOException {
        return start(width, height, false);
    }

    /** A browser with a window of {@code width}×{@code height} that saves downloads to {@link #downloads()}. */
    static HeadlessChromium startWithDownloads(int width, int height) throws IOException {
        return start(width, height, true);
    }

    private static HeadlessChromium start(int width, int height, boolean downloading) throws IOException {
        HeadlessChromium chromium = new HeadlessChromium(Files.createTempDirectory("ledger-chromium-"),
                downloading ? Files.createTempDirectory("ledger-downloads-") : null);
        try {
            chromium.launch(width, height);
            return chromium;
        } catch (RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    private void launch(int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The machine's network is closed: no background connections, no component or sync downloads.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--lang=zh-CN", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        driver = new ChromeDriver(service, options);
        if (downloads != null) {
            // headless Chromium saves downloads only where it is told to
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Where the browser saves downloads; only for a browser started {@link #startWithDownloads with downloads}. */
    Path downloads() {
        if (downloads == null) {
            throw new IllegalStateException("this browser was started without a download directory");
        }
        return downloads;
    }

    @Override
    public void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        List<Path> directories = new ArrayList<>();
        directories.add(profile);
        if (downloads != null) {
            directories.add(downloads);
        }
        for (Path directory : directories) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

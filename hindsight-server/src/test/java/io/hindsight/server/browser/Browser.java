package io.hindsight.server.browser;

import org.junit.Assume;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by Selenium, for tests that look at a page as a person would: open a URL,
 * read what is shown, take a full-page screenshot into {@code target/browser-screenshots}, and collect
 * what the browser's console said (errors, Content-Security-Policy violations).
 * <p>
 * Uses Debian's {@code chromium} and {@code chromium-driver} (or {@code HINDSIGHT_CHROMIUM} and
 * {@code HINDSIGHT_CHROMEDRIVER}); never downloads a browser. Where they are absent the tests are
 * skipped with a message saying so, unless {@code HINDSIGHT_BROWSER_TESTS=required} (as CI sets it),
 * where that is a failure.
 */
public final class Browser implements AutoCloseable {
    /** Where screenshots go: the module's target directory, beside surefire's reports. */
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips the calling test (fails it where browser tests are required) when it is not installed. */
    public static Browser start() {
        Path chromium = find("HINDSIGHT_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = find("HINDSIGHT_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || chromedriver == null) {
            String missing = "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), or "
                    + "HINDSIGHT_CHROMIUM and HINDSIGHT_CHROMEDRIVER naming them; not found: " + (chromium == null ? "chromium " : "")
                    + (chromedriver == null ? "chromedriver" : "");
            if ("required".equals(System.getenv("HINDSIGHT_BROWSER_TESTS"))) throw new AssertionError(missing + " (HINDSIGHT_BROWSER_TESTS=required)");
            Assume.assumeTrue(missing, false);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("hindsight-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // the machine's network is closed: without these Chromium stalls on its background requests
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    private static Path find(String env, String... candidates) {
        String named = System.getenv(env);
        if (named != null && !named.isBlank()) return Files.isExecutable(Path.of(named)) ? Path.of(named) : null;
        for (String c : candidates) if (Files.isExecutable(Path.of(c))) return Path.of(c);
        return null;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens the page and waits until it has loaded. */
    public Browser open(URI url) {
        driver.get(url.toString());
        return this;
    }

    /** Everything the console said since the last call, as "LEVEL message" lines. */
    public List<String> console() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) out.add(e.getLevel() + " " + e.getMessage());
        return out;
    }

    /** Console errors and Content-Security-Policy violations since the last look. */
    public List<String> problems() {
        return console().stream().filter(l -> l.startsWith("SEVERE") || l.contains("Content Security Policy") || l.contains("Content-Security-Policy")).toList();
    }

    /** A screenshot of the whole page (not only the window), written as {@code target/browser-screenshots/NAME.png}. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.getOrDefault("cssContentSize", metrics.get("contentSize"));
            double width = Math.max(1280, ((Number) size.get("width")).doubleValue());
            double height = Math.min(8000, ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a driver without CDP: the window is what there is
            File f = driver.getScreenshotAs(OutputType.FILE);
            try {
                Files.copy(f.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        return file;
    }

    /** A screenshot of one part of the page: the element {@code css} selects, with a margin around it. */
    public Path screenshot(String name, String css) {
        org.openqa.selenium.Rectangle r = driver.findElement(org.openqa.selenium.By.cssSelector(css)).getRect();
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            int margin = 16;
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", Math.max(0, r.getX() - margin), "y", Math.max(0, r.getY() - margin), "width", r.getWidth() + 2 * margin,
                            "height", r.getHeight() + 2 * margin, "scale", 1)));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

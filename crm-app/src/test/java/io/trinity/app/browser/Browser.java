package io.trinity.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, paths given explicitly, a fresh profile per
 * browser) with the few moves the journeys need. Without the packages the browser tests are skipped, except on CI
 * ({@code CI=true}), where they must run.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver are not installed; browser tests skipped");
    }

    static Browser open(int port) {
        try {
            Path profile = Files.createTempDirectory("trinity-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().window().setSize(new Dimension(1400, 1000));
            return new Browser(driver, "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
        settled();
    }

    /** Waits until the page has loaded completely (a redirect or a boosted request may still be under way). */
    void settled() {
        waitFor(d -> {
            try {
                return "complete".equals(script("return document.readyState"));
            } catch (org.openqa.selenium.WebDriverException e) {
                return false; // a navigation in flight detaches the page for a moment
            }
        });
    }

    void login(String user) {
        go("/login");
        driver.manage().deleteAllCookies();
        go("/login");
        type(By.id("username"), user);
        type(By.id("password"), "demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        settled();
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void type(By by, String text) {
        WebElement field = find(by);
        // Select and delete as a person would, so the page sees input events (clear() fires none).
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.DELETE);
        field.sendKeys(text);
    }

    void select(By by, String visibleText) {
        new Select(find(by)).selectByVisibleText(visibleText);
    }

    void selectValue(By by, String value) {
        new Select(find(by)).selectByValue(value);
    }

    /** Scrolls the element to the middle of the window first, as a person would before clicking it. */
    void click(By by) {
        WebElement element = waitFor(ExpectedConditions.elementToBeClickable(by));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
        element.click();
    }

    /** Clicks something that makes htmx replace {@code region}, and waits until the new content is in. */
    void clickAndSwap(By target, By region) {
        WebElement old = find(region);
        click(target);
        waitFor(ExpectedConditions.stalenessOf(old));
        find(region);
    }

    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
        element.click();
    }

    String text(By by) {
        return find(by).getText();
    }

    <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        // htmx swaps replace elements under our feet: a stale element means "not yet", not failure.
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Saves the page as target/screenshots/NAME.png, and into docs/screenshots when asked to refresh them. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = capture();
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setReadable(true, false);
            String docs = System.getProperty("trinity.docs.screenshots");
            if (docs != null && !docs.isBlank()) {
                Files.createDirectories(Path.of(docs));
                Path copy = Path.of(docs).resolve(name + ".png");
                Files.copy(shot, copy, StandardCopyOption.REPLACE_EXISTING);
                copy.toFile().setReadable(true, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the picture once the page has settled. Chromium refuses a capture while a navigation detaches the page
     * ("Not attached to an active page"); a picture is not an assertion, so it is retried on a settled page.
     */
    private Path capture() {
        org.openqa.selenium.WebDriverException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            settled();
            try {
                return ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            } catch (org.openqa.selenium.WebDriverException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

package io.stocksense.cloud;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.awaitility.Awaitility.await;

/**
 * The machine's headless Chromium ({@code /usr/bin/chromium}, Debian's package) driven through its
 * {@code /usr/bin/chromedriver}. Selenium Manager never runs: both paths are given, so nothing is
 * downloaded. A fresh profile and download folder per browser; background networking is off because
 * the build machine has no internet.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("stocksense.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("stocksense.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final ChromeDriverService service;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path downloads) {
        this.service = service;
        this.driver = driver;
        this.downloads = downloads;
    }

    /** Starts Chromium with its profile and downloads under {@code dir}; {@code language} is the browser's (Accept-Language). */
    static Browser start(Path dir, String language) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--window-size=1600,1100",
                "--user-data-dir=" + profile, "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(service, driver, downloads);
    }

    void open(String url) {
        driver.get(url);
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    /** Signs in through the login form (the page must show it). */
    void signIn(String user, String password) {
        await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.id("login-form")).isDisplayed());
        WebElement username = driver.findElement(By.id("username"));
        username.clear();
        username.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        List<WebElement> found = all(css);
        return found.isEmpty() ? null : found.get(0).getText();
    }

    /** The element's text as in the DOM (getText() applies CSS text-transform); null when absent. */
    String textContent(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    /** Waits up to 20 s for an element matching {@code css}, and returns it. */
    WebElement waitFor(String css) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> all(css), found -> !found.isEmpty()).get(0);
    }

    void click(String css) {
        waitFor(css).click();
    }

    /** Replaces the text of the input matching {@code css}. */
    void type(String css, String text) {
        WebElement input = waitFor(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks the option with {@code value} in the select matching {@code css} (and fires its change event). */
    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(waitFor(css)).selectByValue(value);
    }

    /** Goes to a hash route of the app already open (no reload) and waits until {@code readyCss} matches. */
    void route(String hash, String readyCss) {
        js("document.body.dataset.route = ''; location.hash = arguments[0]", hash);
        waitFor("body[data-route='" + hash.replaceFirst("^#/", "").replaceFirst("\\?.*", "") + "']");
        waitFor(readyCss);
    }

    /**
     * Checks the visible page for labels left untranslated: {missingKeys: data-i18n keys without a text
     * in the page's language's dictionary, english: visible elements whose own text is an English label
     * (one that differs from its Chinese translation), checked: how many elements had text}.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> untranslated() {
        return (Map<String, Object>) driver.executeAsyncScript(UNTRANSLATED);
    }

    /** The same check as {@link #untranslated()}. */
    Map<String, Object> untranslatedLabels() {
        return untranslated();
    }

    private static final String UNTRANSLATED = """
            const done = arguments[arguments.length - 1];
            Promise.all([fetch('i18n/en.json').then(r => r.json()), fetch('i18n/zh-CN.json').then(r => r.json())]).then(([en, zh]) => {
              const missingKeys = [...document.querySelectorAll('[data-i18n]')].map(e => e.dataset.i18n).filter(k => !(k in zh));
              const english = new Set(Object.keys(en).filter(k => en[k] !== zh[k]).map(k => en[k]));
              const found = [];
              let checked = 0;
              for (const el of document.querySelectorAll('body *')) {
                if (!el.offsetParent && el.tagName !== 'BODY') continue;
                const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                const attr = (el.getAttribute('placeholder') || '').trim();
                if (attr && english.has(attr)) found.push(el.tagName + '@placeholder: ' + attr);
                if (!own) continue;
                checked++;
                if (english.has(own)) found.push(el.tagName + ': ' + own);
              }
              done({ missingKeys, english: found, checked });
            });
            """;

    /** The downloaded CSV file whose name starts with {@code prefix}, or null while there is none. */
    Path downloaded(String prefix) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".csv"))
                    .findFirst().orElse(null);
        }
    }

    /** Saves a PNG of the window under target/screenshots for a person to look at. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The page's console messages since the last call (errors there explain a failed wait). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        try {
            console().forEach(line -> System.out.println("browser console: " + line));
            driver.quit();
        } finally {
            service.stop();
        }
    }
}

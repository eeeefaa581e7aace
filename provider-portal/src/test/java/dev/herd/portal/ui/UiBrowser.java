package dev.herd.portal.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herd.testing.KeycloakTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (the Debian packages chromium and chromium-driver) that logs in to the portal through the
 * real Keycloak. With {@code -Dherd.screenshots=DIR} each {@link #screenshot} is saved as DIR/screenshots/NAME.png.
 */
final class UiBrowser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String base;

    private UiBrowser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (no cookies) logged in as {@code username}, on the page /ui sent it to. */
    static UiBrowser logIn(String base, String username) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("herd.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new java.io.File(System.getProperty("herd.chromedriver", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        UiBrowser browser = new UiBrowser(driver, base);
        driver.get(base + "/ui");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertTrue(driver.getCurrentUrl().startsWith(KeycloakTokens.realmUrl()), driver.getCurrentUrl());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(KeycloakTokens.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        browser.await().until(d -> d.getCurrentUrl().startsWith(base + "/ui"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
        return browser;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a portal path, e.g. /ui/tenants/acme, and waits for its main element. */
    void open(String path) {
        driver.get(base + path);
        await().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String title() {
        return driver.getTitle();
    }

    String html() {
        return driver.getPageSource();
    }

    /** Waits up to 20 s; an element htmx swapped out meanwhile is looked up again rather than failing the wait. */
    FluentWait<WebDriver> await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
    }

    /** The buttons of the current page labelled exactly {@code text}. */
    List<WebElement> buttons(String text) {
        return driver.findElements(By.xpath("//button[text()='" + text + "']"));
    }

    /**
     * A POST made by script from inside the signed-in page, as a forged request would be, with or without the page's
     * CSRF header; its status.
     */
    long postFromPage(String path, boolean withToken) {
        Object status = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var headers = {};"
                        + "if (arguments[1]) { headers = JSON.parse(document.body.getAttribute('hx-headers')); }"
                        + "fetch(arguments[0], {method: 'POST', headers: headers, redirect: 'manual'})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(-1); });",
                path,
                withToken);
        return ((Number) status).longValue();
    }

    /** A form POST made by script from inside the signed-in page, with the page's CSRF header; its status. */
    long postFormFromPage(String path, String field, String value) {
        Object status = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var headers = JSON.parse(document.body.getAttribute('hx-headers'));"
                        + "var body = new URLSearchParams(); body.append(arguments[1], arguments[2]);"
                        + "fetch(arguments[0], {method: 'POST', headers: headers, body: body, redirect: 'manual'})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(-1); });",
                path,
                field,
                value);
        return ((Number) status).longValue();
    }

    /** Saves the current page when the herd.screenshots property names a directory (e.g. docs). */
    void screenshot(String name) {
        String dir = System.getProperty("herd.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(dir, "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

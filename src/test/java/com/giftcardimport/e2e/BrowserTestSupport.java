package com.giftcardimport.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end journeys in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; no tool
 * downloads a browser) against the whole application on a random port and the embedded PostgreSQL.
 * Screenshots of every step go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class BrowserTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    WebDriver driver;
    WebDriverWait wait;
    Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("gci-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=" + browserLanguage());
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", browserLanguage()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser(org.junit.jupiter.api.TestInfo test) {
        if (driver != null) {
            screenshot("last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
            driver.quit();
        }
    }

    /** The language the browser is set to (its Accept-Language and navigator.language). */
    String browserLanguage() {
        return "en-US";
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    void logIn(String username, String password) {
        driver.get(url("login"));
        WebElement user = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot=submit], button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wizard: Next. */
    void next() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wizard-next"))).click();
    }

    /** Gives the file to the upload's file input (in its shadow root), as the picker would. */
    void upload(Path file) {
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file-upload")));
        WebElement input = (WebElement) js("const u = arguments[0];"
                + "return (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'))"
                + " || u.querySelector('input[type=file]');", upload);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String bodyText() {
        return String.valueOf(js("return document.body.innerText"));
    }

    /** Waits until the page's visible text contains {@code text}. */
    void waitForText(String text) {
        wait.until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.body.innerText").toString().contains(text));
    }
}

package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole import journey of SPEC §5 and §6 in real Chromium: the demo project admin runs the wizard on a
 * Windows-1251 semicolon file with Russian headers and some bad rows, a list opened beforehand in another tab
 * shows the new import reach its final status without a reload, the result page shows the errors and the error
 * report downloads.
 */
class ImportJourneyIT extends BrowserTestSupport {

    static final int ROWS = 3000;

    @Test
    void a_project_admin_imports_a_windows_1251_file_through_the_wizard_and_follows_it_to_the_error_report()
            throws Exception {
        String prefix = "E2E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String fileName = "journey-" + prefix.toLowerCase() + ".csv";
        Path file = writeFile(prefix, fileName);

        logIn("alice", DemoData.PASSWORD);

        // a list open in another tab before the launch: it must show the import arrive and end by push
        String wizardTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String listTab = driver.getWindowHandle();
        driver.get(url("imports"));
        waitForText("Imports");
        js("window.gciNotReloaded = true;");
        driver.switchTo().window(wizardTab);

        driver.get(url("imports"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-import")));
        screenshot("03-import-list");
        driver.findElement(By.id("new-import")).click();

        // step 1: the action
        waitForText("What do you want to import?");
        waitForText("Add gift cards");
        screenshot("04-wizard-1-action");
        next();

        // step 2: fields, template, upload; then what was detected. At 1440 x 900 the upload box is in view without
        // scrolling
        waitForText("Download a CSV template");
        driver.manage().window().setSize(new Dimension(1440, 900));
        wait.until(d -> Boolean.TRUE.equals(js("const u = document.querySelector('vaadin-upload');"
                + " return u != null && u.getBoundingClientRect().bottom <= window.innerHeight"
                + " && u.getBoundingClientRect().height > 0;")));
        screenshot("05-wizard-2-upload");
        driver.manage().window().setSize(new Dimension(1400, 1000));
        upload(file);
        wait.until(d -> "windows-1251 (Cyrillic)".equals(js("const c = document.getElementById('encoding');"
                + "return c && c.querySelector('input') ? c.querySelector('input').value : null;")));
        waitForText("Номер карты");
        waitForText("data rows");
        screenshot("06-wizard-2-detected");
        next();

        // step 3: the mapping, filled in from the Russian headers
        waitForText("Required fields: ✓ Card number ← Номер карты");
        screenshot("07-wizard-3-mapping");
        next();

        // step 4: the first rows, failing cells marked
        waitForText("would fail");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid-cell-content .gci-cell-error")).isEmpty());
        assertThat(bodyText()).contains("Card balance", "Pool system name");
        waitForText("The whole file was checked");
        screenshot("08-wizard-4-review");
        WebElement launch = driver.findElement(By.id("wizard-launch"));
        launch.click();
        try {
            launch.click();   // a double click: the button is disabled by the first, and the key makes one job
        } catch (RuntimeException alreadyGone) {
            // the page moved on before the second click
        }

        // the result page of the new import
        wait.until(d -> d.getCurrentUrl().matches(".*/imports/\\d+$"));
        String resultUrl = driver.getCurrentUrl();
        waitForText("Mapping used");
        screenshot("09-result-just-launched");

        // the list in the other tab: the import arrived and ended without a reload
        driver.switchTo().window(listTab);
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> rowStatus(fileName)
                .map(s -> s.equals("Completed with errors")).orElse(false));
        assertThat(js("return window.gciNotReloaded === true")).isEqualTo(true);
        assertThat(driver.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + fileName + "']")))
                .as("one import for the file, even after a double click").hasSize(1);
        screenshot("10-import-list-final");

        // open it from the list, then download the error report
        driver.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + fileName + "']")).click();
        wait.until(d -> d.getCurrentUrl().equals(resultUrl));
        waitForText("rows failed");
        WebElement download = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("download-error-report")));
        screenshot("11-result-page");
        download.click();

        Path report = awaitDownload(".csv");
        String text = Files.readString(report, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report.getFileName().toString()).startsWith("journey-" + prefix.toLowerCase() + "-errors-");
        assertThat(text).contains("Номер карты", prefix + "-BAD-POOL", "nowhere").doesNotContain(";321;");
        assertThat(text.lines().count()).isEqualTo(1 + 4);   // the header and the four bad rows

        // the account manager of acme sees the import in the audit, read-only
        driver.manage().deleteAllCookies();
        logIn("maria", DemoData.PASSWORD);
        driver.get(url("audit"));
        wait.until(d -> rowStatus(fileName).map(s -> s.equals("Completed with errors")).orElse(false));
        assertThat(bodyText()).contains("ACME Retail", "Alice Admin").doesNotContain("New import");
        screenshot("12-audit");
    }

    // ------------------------------------------------------------------ the file

    /** Windows-1251, semicolons, Russian headers, decimal commas; four bad rows among {@link #ROWS}. */
    static Path writeFile(String prefix, String fileName) throws IOException {
        StringBuilder csv = new StringBuilder("Номер карты;Пул;Баланс;Точка продаж;Дата покупки;Статус\r\n");
        for (int i = 1; i <= ROWS; i++) {
            String number = prefix + "-" + i;
            String pool = "flex";
            String balance = (i % 97) + ",50";
            String status = i % 2 == 0 ? "Активна" : "Неактивна";
            switch (i) {
                case 2 -> { number = prefix + "-BAD-POOL"; pool = "nowhere"; }
                case 4 -> balance = "много";
                case 5 -> number = "7,003E+15";
                case 1500 -> number = prefix + "-1";   // a duplicate of row 2 of the file
                default -> { }
            }
            csv.append(number).append(';').append(pool).append(';').append(balance).append(";Магазин на Тверской;")
                    .append("01.02.2025 10:30;").append(status).append("\r\n");
        }
        Path dir = Files.createTempDirectory("gci-upload");
        Path file = dir.resolve(fileName);
        Files.write(file, csv.toString().getBytes(Charset.forName("windows-1251")));
        return file;
    }

    // ------------------------------------------------------------------ browser helpers

    /** The status badge of the list row whose file is {@code fileName}. */
    java.util.Optional<String> rowStatus(String fileName) {
        Object status = js("""
                const cells = [...document.querySelectorAll('vaadin-grid-cell-content')];
                const file = cells.find(c => c.textContent.trim() === arguments[0]);
                if (!file) return null;
                const grid = file.closest('vaadin-grid') || document.querySelector('vaadin-grid');
                const slot = file.getAttribute('slot');
                const cell = grid.shadowRoot.querySelector('[part~="cell"] slot[name="' + slot + '"]');
                const row = cell ? cell.closest('tr') : null;
                if (!row) return null;
                for (const s of row.querySelectorAll('slot')) {
                    const content = grid.querySelector('vaadin-grid-cell-content[slot="' + s.name + '"]');
                    const badge = content && content.querySelector('.gci-badge');
                    if (badge) return badge.textContent.trim();
                }
                return null;
                """, fileName);
        return java.util.Optional.ofNullable((String) status);
    }

    Path awaitDownload(String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
                return done.isEmpty() ? null : done.getFirst();
            } catch (IOException e) {
                return null;
            }
        });
    }

}

package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import com.giftcardimport.importing.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * SPEC 11 in real Chromium: an Excel workbook whose one bad row lies deep in it (row 151, beyond the rows step 4 shows), the
 * whole-file check's summary on step 4, the bad cell corrected in the grid, the file launched with the corrected row
 * and the follow-up import completed, linked to the original.
 */
class CorrectionJourneyIT extends BrowserTestSupport {

    /** Writes the journey's rows (header first) as the file to upload. One constant to swap for another format. */
    interface FileWriter {
        Path write(List<List<String>> rows, Path dir, String baseName) throws IOException;
    }

    static final FileWriter FILE = CorrectionJourneyIT::xlsx;
    static final int ROWS = 200;
    static final int BAD_ROW = 151;

    @Test
    void a_bad_row_deep_in_a_file_is_found_before_launch_corrected_in_the_grid_and_imported_as_a_follow_up()
            throws Exception {
        String prefix = "FIX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path file = FILE.write(rows(prefix), Files.createTempDirectory("gci-upload"), "deep-" + prefix.toLowerCase());

        logIn("alice", DemoData.PASSWORD);
        driver.get(url("imports/new"));
        waitForText("Add gift cards");
        next();
        upload(file);
        waitForText("data rows");
        next();
        waitForText("Required fields");
        next();

        // step 4: the first rows all pass; the check of the whole file finds row 151
        waitForText("The whole file was checked: 200 rows, 199 will be imported, 1 will fail.");
        waitForText("STATUS_UNKNOWN");
        assertThat(bodyText()).contains("The first 20 rows of the file: 20 would be imported, 0 would fail.",
                String.valueOf(BAD_ROW));
        screenshot("wizard-4-check");

        // the failed row in the grid: the status typed again, checked as one types
        driver.findElement(By.id("correct-failed-rows")).click();
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#correct-" + BAD_ROW + "-3 input")));
        status.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Blocked", Keys.TAB);
        waitForText("1 of 1 rows corrected");
        screenshot("wizard-4-correction");

        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                driver.findElement(By.id("import-corrected")));
        wait.until(d -> d.getCurrentUrl().matches(".*/imports/\\d+$"));
        waitForText("Corrected rows imported by");
        WebElement followUpLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#correction-links a")));
        String followUp = followUpLink.getText();
        followUpLink.click();

        // the follow-up: its one row imported, linked back to the original
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> bodyText().contains("Imports corrected rows of")
                && d.findElements(By.cssSelector(".gci-badge")).stream().anyMatch(b -> b.getText().equals("Completed")));
        assertThat(followUp).startsWith("import ");
        assertThat(bodyText()).contains("deep-" + prefix.toLowerCase() + "-corrected.csv");
        screenshot("result-follow-up");
    }

    /** 200 rows of the demo pool "flex"; row 151 has a status no card can have. */
    static List<List<String>> rows(String prefix) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Card number", "Pool system name", "Card balance", "Gift card status"));
        for (int row = 2; row <= ROWS + 1; row++) {
            rows.add(List.of(prefix + "-" + row, "flex", (row % 50) + ".50", row == BAD_ROW ? "Lost" : "CanBeUsed"));
        }
        return rows;
    }

    /** The rows as the one sheet of an Excel workbook, every cell text. */
    static Path xlsx(List<List<String>> rows, Path dir, String baseName) throws IOException {
        return Files.write(dir.resolve(baseName + ".xlsx"),
                Workbooks.xlsx(Workbooks.sheet("Cards", rows.toArray(Object[]::new))));
    }
}

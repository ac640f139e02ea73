package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The import journey on a phone (a 390 px wide window, the browser in Russian): the imports list, the wizard's steps
 * and the result page never scroll sideways, and what each is for stays in view: the file of the import in the list,
 * the action, the upload and the 16-digit card numbers in the wizard, the Imported count and why a row failed on the
 * result page. Screenshots: {@code target/screenshots/ru-390-*.png} (those in {@code docs/screenshots/} come from
 * here).
 */
class PhoneJourneyIT extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 390;

    @Override
    String browserLanguage() {
        return "ru-RU";
    }

    @Test
    void at_390_pixels_the_list_the_wizard_and_the_result_page_fit_the_width_and_keep_their_key_values_in_view()
            throws Exception {
        String prefix = Long.toString(90_000_000_000_000L
                + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 9_000_000_000_000L));
        String fileName = "telefon-" + prefix.substring(6) + ".csv";
        Path file = writeFile(prefix, fileName);
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
        logIn("alice", DemoData.PASSWORD);

        driver.get(url("imports"));
        WebElement newImport = wait.until(ExpectedConditions.elementToBeClickable(By.id("new-import")));
        assertFitsTheWidth("the imports list");
        assertInView(newImport, "New import");
        newImport.click();
        WebElement action = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-radio-button[normalize-space(.)='Добавить подарочные карты']")));
        assertFitsTheWidth("step 1");
        assertInView(action, "the action Add gift cards");
        assertInView(driver.findElement(By.id("wizard-next")), "Next");
        screenshot("ru-390-wizard-1-action");

        next();
        upload(file);
        WebElement rows = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rows-estimate")));
        waitForText("Номер карты");
        assertFitsTheWidth("step 2");
        assertInView(driver.findElement(By.id("file-upload")), "the upload");
        js("arguments[0].scrollIntoView({block: 'start'});", driver.findElement(By.id("remove-file")));
        assertInView(rows, "the row count");
        screenshot("ru-390-wizard-2-detected");

        next();                                   // step 3: mapped from the Russian headers
        next();                                   // step 4: the first rows, the card numbers whole
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wizard-launch")));
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//vaadin-grid[@id='preview-grid']/vaadin-grid-cell-content[contains(., '" + prefix + "01')]")));
        js("arguments[0].scrollIntoView({block: 'center'});", card);
        assertFitsTheWidth("step 4");
        assertInView(card, "a 16-digit card number");
        assertInView(driver.findElement(By.id("wizard-launch")), "Launch");
        screenshot("ru-390-wizard-4-review");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wizard-launch"))).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/imports/\\d+$"));
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("download-error-report")).isEmpty());
        WebElement imported = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fact-imported")));
        wait.until(d -> "9".equals(imported.getText().strip()));
        WebElement why = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[starts-with(normalize-space(.), 'Пула «nowhere»')]")));
        assertFitsTheWidth("the result page");
        assertInView(imported, "the Imported count");
        assertStartsInView(why, "why the failed row failed");
        screenshot("ru-390-result-page");

        driver.get(url("imports"));
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + fileName + "']")));
        assertFitsTheWidth("the imports list with an import");
        assertInView(listed, "the file of the import");
        screenshot("ru-390-import-list");
    }

    /** Nine good rows and one naming a pool that does not exist, with 16-digit card numbers. */
    private static Path writeFile(String prefix, String fileName) throws IOException {
        StringBuilder csv = new StringBuilder("Номер карты;Пул;Баланс\r\n");
        for (int i = 1; i <= 9; i++) {
            csv.append(prefix).append("0").append(i).append(";flex;").append(i).append(",50\r\n");
        }
        csv.append(prefix).append("99;nowhere;5\r\n");
        Path file = Files.createTempDirectory("gci-upload").resolve(fileName);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** The page does not scroll sideways, and no element outside a grid reaches past the window's right edge. */
    private void assertFitsTheWidth(String page) {
        Number innerWidth = (Number) js("return window.innerWidth;");
        assertThat(innerWidth.intValue()).as("the window's width").isLessThanOrEqualTo(PHONE_WIDTH);
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as("%s scrolls sideways", page).isLessThanOrEqualTo(innerWidth.intValue());
        @SuppressWarnings("unchecked")
        List<String> past = (List<String>) js("""
                const w = window.innerWidth;
                return [...document.querySelectorAll('body *')]
                    .filter(e => !e.closest('vaadin-grid'))
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1; })
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' in '
                        + e.parentElement.tagName.toLowerCase() + '.' + e.parentElement.className + ' "'
                        + (e.textContent || '').trim().slice(0, 40) + '" right='
                        + Math.round(e.getBoundingClientRect().right));
                """);
        assertThat(past).as("elements of %s past the right edge", page).isEmpty();
    }

    /** The element begins within the window's width (a long text may run on in its grid, which scrolls). */
    private void assertStartsInView(WebElement element, String what) {
        Boolean inView = (Boolean) js("""
                const r = arguments[0].getBoundingClientRect();
                return r.width > 0 && r.left >= 0 && r.left < window.innerWidth - 40;
                """, element);
        assertThat(inView).as("%s begins within the %s px window (%s)", what, PHONE_WIDTH, element.getRect()).isTrue();
    }

    /** The element is on screen, whole, within the window's width. */
    private void assertInView(WebElement element, String what) {
        Boolean inView = (Boolean) js("""
                const r = arguments[0].getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth;
                """, element);
        assertThat(inView).as("%s within the %s px window (%s)", what, PHONE_WIDTH, element.getRect()).isTrue();
    }
}

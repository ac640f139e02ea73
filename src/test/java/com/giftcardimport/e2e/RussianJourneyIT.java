package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The import journey with the browser in Russian (Chromium's {@code --lang=ru} and its Accept-Language): the shell,
 * the pools and the row errors speak Russian, amounts and dates are written the Russian way, and at phone width
 * (390 px) Log out is in the drawer. The steps are found by their ids, not their words, so that the journey holds
 * whatever language a text is in. Screenshots: {@code target/screenshots/ru-*.png} (those in
 * {@code docs/screenshots/} come from here).
 */
class RussianJourneyIT extends BrowserTestSupport {

    @Override
    String browserLanguage() {
        return "ru-RU";
    }

    @Test
    void a_project_admin_with_a_russian_browser_imports_a_windows_1251_file_and_reads_the_errors_in_russian()
            throws Exception {
        String prefix = "RU" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String fileName = "zhurnal-" + prefix.toLowerCase() + ".csv";
        Path file = ImportJourneyIT.writeFile(prefix, fileName);

        logIn("alice", DemoData.PASSWORD);
        driver.get(url("pools"));
        waitForText("Пулы");
        waitForText("1\u00a0000,00");          // gold-1000's face value, written the Russian way
        assertThat(bodyText()).contains("Импорт", "Подарочные карты", "Выйти", "Тёмная тема");
        screenshot("ru-pools");

        driver.get(url("imports"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-import"))).click();
        next();                                   // step 1: Add gift cards is preselected
        upload(file);
        wait.until(d -> "windows-1251".equals(js("const c = document.getElementById('encoding');"
                + "return c && c.querySelector('input') ? c.querySelector('input').value.split(' ')[0] : null;")));
        waitForText("Номер карты");
        screenshot("ru-wizard-2-detected");
        next();                                   // step 3: mapped from the Russian headers
        waitForText("Обязательные поля:");
        screenshot("ru-wizard-3-mapping");
        next();                                   // step 4: the first rows, failing cells marked
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid-cell-content .gci-cell-error")).isEmpty());
        waitForText("Проверен весь файл");
        assertThat(bodyText()).contains("Баланс карты", "Системное имя пула");
        screenshot("ru-wizard-4-review");
        driver.findElement(By.id("wizard-launch")).click();

        wait.until(d -> d.getCurrentUrl().matches(".*/imports/\\d+$"));
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("download-error-report")).isEmpty());
        waitForText("Пула «nowhere» в этом проекте нет");
        waitForText("Номер карты «7,003E+15» записан в экспоненциальной форме");
        screenshot("ru-result-page");

        driver.get(url("imports"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + fileName + "']")));
        // the date filter reads a date the Russian way: from 29.11.2026 (typed, then Enter)
        WebElement from = driver.findElements(By.cssSelector("vaadin-date-picker")).getFirst();
        WebElement fromInput = from.findElement(By.cssSelector("input"));
        fromInput.sendKeys("29.11.2026", Keys.ENTER);
        wait.until(d -> "2026-11-29".equals(js("return arguments[0].value;", from)));
        assertThat((String) js("return arguments[0].inputElement.value;", from)).isEqualTo("29.11.2026");
        screenshot("ru-import-list");

        // phone width: the drawer holds the user menu, Log out is reachable
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("pools"));
        waitForText("Пулы");
        js("document.querySelector('vaadin-app-layout').drawerOpened = true;");
        WebDriverWait drawer = new WebDriverWait(driver, Duration.ofSeconds(10));
        drawer.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
        assertThat(driver.findElement(By.id("logout")).getRect().getX()
                + driver.findElement(By.id("logout")).getRect().getWidth()).isLessThanOrEqualTo(390);
        screenshot("ru-390-drawer");
        driver.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }
}

package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import com.giftcardimport.base.db.OwnerJdbc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §13 in real Chromium: the demo project admin adds 1,000 cards, blocks 100 of them with a status update
 * through the wizard, then undoes the add on its result page: 900 cards are deleted, the 100 blocked ones are kept
 * and listed with why.
 */
class UndoJourneyIT extends BrowserTestSupport {

    @Autowired
    OwnerJdbc jdbc;

    @Test
    void an_admin_adds_1000_cards_blocks_100_by_file_and_undoes_the_add_which_deletes_900_and_keeps_100()
            throws Exception {
        String prefix = "UNDO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        StringBuilder cards = new StringBuilder("Card number,Pool system name,Card balance\n");
        StringBuilder block = new StringBuilder("Card number,Status\n");
        for (int i = 1; i <= 1000; i++) {
            cards.append(prefix).append('-').append(i).append(",flex,10\n");
            if (i % 10 == 0) {
                block.append(prefix).append('-').append(i).append(",Blocked\n");
            }
        }
        logIn("alice", DemoData.PASSWORD);

        String addUrl = runWizard("Add gift cards", file(prefix.toLowerCase() + "-cards.csv", cards), "ADD");
        runWizard("Update gift card statuses", file(prefix.toLowerCase() + "-block.csv", block), "BLOCK");

        driver.get(addUrl);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("undo-import"))).click();
        waitForText("It will delete 900 cards that the import created and nobody changed since. 100 cards changed "
                + "since the import and will be kept and listed.");
        screenshot("undo-1-question");
        wait.until(d -> js("const b = [...document.querySelectorAll('vaadin-button')]"
                + ".find(b => b.textContent.trim() === 'Delete 900 cards'); if (b) { b.click(); return true; }"
                + " return false;").equals(Boolean.TRUE));

        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> bodyText().contains(": 900 undone, 100 kept"));
        waitForText("Its status changed since the import (now Blocked)");
        assertThat(bodyText()).contains("Undone by Alice Admin: 900 undone, 100 kept");
        screenshot("undo-2-done");
        assertThat(jdbc.sql("select count(*) from gift_card where card_number like ?").param(prefix + "-%")
                .query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from gift_card where card_number like ? and status = 'BLOCKED'")
                .param(prefix + "-%").query(Long.class).single()).isEqualTo(100);

        driver.get(url("imports"));
        waitForText("Undone by Alice Admin: 900 undone, 100 kept");
        screenshot("undo-3-list");
    }

    /** Runs the wizard for {@code action} on {@code file} to its end; answers the result page's address. */
    private String runWizard(String action, Path file, String shot) {
        driver.get(url("imports/new"));
        waitForText("What do you want to import?");
        wait.until(d -> js("const r = [...document.querySelectorAll('vaadin-radio-button')]"
                + ".find(r => r.textContent.trim() === arguments[0]); if (r) { r.click(); return true; }"
                + " return false;", action).equals(Boolean.TRUE));
        waitForText(action);
        screenshot("undo-" + shot + "-1-action");
        next();
        upload(file);
        waitForText("data rows");
        next();
        waitForText("Required fields: ✓ Card number");
        screenshot("undo-" + shot + "-2-mapping");
        next();
        waitForText("would be imported");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("wizard-launch"))).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/imports/\\d+$"));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "COMPLETED".equals(js(
                "const b = document.querySelector('.gci-badge'); return b ? b.getAttribute('data-status') : null;")));
        screenshot("undo-" + shot + "-3-result");
        return driver.getCurrentUrl();
    }

    private static Path file(String name, CharSequence content) throws IOException {
        Path file = Files.createTempDirectory("gci-undo").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}

package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import org.junit.jupiter.api.Test;

class LoginJourneyIT extends BrowserTestSupport {

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page_and_a_project_admin_logs_in_to_their_project() {
        driver.get(url(""));
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        screenshot("01-login");

        logIn("alice", DemoData.PASSWORD);
        waitForText("Alice Admin");
        screenshot("02-logged-in");
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_login_page() {
        driver.get(url("login"));
        logInExpectingFailure("alice", "not-the-password");
        assertThat(driver.getCurrentUrl()).contains("login");
    }

    private void logInExpectingFailure(String username, String password) {
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                org.openqa.selenium.By.cssSelector("input[name=username]"))).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.cssSelector("input[name=password]")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("vaadin-button[slot=submit], button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("error"));
    }
}

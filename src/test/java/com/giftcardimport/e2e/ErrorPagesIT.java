package com.giftcardimport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.DemoData;
import org.junit.jupiter.api.Test;

/**
 * SPEC §10 in Chromium: an unknown address and a refused page show pages that say so, with the application's own
 * text, never an exception's nor the browser's bare error page.
 */
class ErrorPagesIT extends BrowserTestSupport {

    @Test
    void an_unknown_address_shows_the_applications_not_found_page() {
        logIn("alice", DemoData.PASSWORD);

        driver.get(url("no-such-page"));

        waitForText("Page not found");
        assertThat(bodyText()).contains("There is no page at this address").doesNotContain("Could not navigate",
                "HTTP ERROR");
        screenshot("error-not-found");
    }

    @Test
    void a_page_the_role_does_not_open_says_so() {
        logIn("maria", DemoData.PASSWORD);

        driver.get(url("imports/new"));

        waitForText("Not allowed");
        assertThat(bodyText()).doesNotContain("Could not navigate", "Exception", "ACCOUNT_MANAGER");
        screenshot("error-not-allowed");
    }
}

package com.giftcardimport.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SPEC §10: no screen ever shows an exception's text; a refused route shows a page that says so. (An unknown address:
 * {@code e2e/ErrorPagesIT}, in Chromium.)
 */
class ErrorPagesTest extends KaribuTest {

    @Test
    void a_route_the_role_does_not_open_shows_a_page_that_says_so_not_the_exception() {
        login("maria");

        UI.getCurrent().navigate("imports/new");

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        AccessDeniedView page = (AccessDeniedView) UI.getCurrent().getCurrentView();
        assertThat(page.title.getText()).isEqualTo("Not allowed");
        assertThat(page.message.getText()).doesNotContain("Exception", "ACCOUNT_MANAGER", "Could not navigate");
    }

    @Test
    void an_error_in_a_screen_shows_a_generic_message_with_an_incident_number_and_never_its_text() {
        login("alice");
        UI.getCurrent().navigate("");

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new IllegalStateException("AccessDeniedException: The role ACCOUNT_MANAGER secret detail")));
        MockVaadin.clientRoundtrip(false);

        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        String text = shown.getFirst().getElement().getProperty("text");
        assertThat(text).startsWith("Something went wrong on our side").matches(".*incident number [0-9A-F]{8}\\.")
                .doesNotContain("secret detail", "Exception", "ACCOUNT_MANAGER");
    }
}

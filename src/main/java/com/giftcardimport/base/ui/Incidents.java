package com.giftcardimport.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No screen ever shows an exception's text (SPEC §10): an error in a click or any other event of a screen is logged
 * with an incident number, and the person sees a generic message with that number.
 */
@Component
class Incidents implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            String incident = log("An error in a screen", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(ui.getTranslation("error.unexpected.text", incident), 8000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }

    /** Logs {@code error} with a new incident number, and returns the number. */
    static String log(String what, Throwable error) {
        String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase();
        log.error("Incident {}: {}", incident, what, error);
        return incident;
    }
}

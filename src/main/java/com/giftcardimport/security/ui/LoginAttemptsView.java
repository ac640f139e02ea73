package com.giftcardimport.security.ui;

import com.giftcardimport.security.AdministrationService;
import com.giftcardimport.security.LoginAttempt;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Every login attempt, failed or not, newest first, for platform admins (SPEC §10). */
@Route("admin/logins")
@PageTitle("Login attempts · Gift Card Import")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class LoginAttemptsView extends VerticalLayout {

    static final int SHOWN = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Grid<LoginAttempt> attempts = new Grid<>();

    LoginAttemptsView(AdministrationService admin) {
        setSizeFull();
        attempts.addColumn(a -> TIME.format(a.at())).setHeader("When").setAutoWidth(true);
        attempts.addColumn(LoginAttempt::username).setHeader("User name as typed").setFlexGrow(1);
        attempts.addColumn(LoginAttempt::address).setHeader("Address").setAutoWidth(true);
        attempts.addColumn(a -> label(a.outcome())).setHeader("Outcome").setAutoWidth(true);
        attempts.setItems(admin.loginAttempts(SHOWN));
        add(new H2("Login attempts"), new Paragraph("The newest " + SHOWN + " attempts on every server, kept 90 "
                + "days. Repeated failures for an account or from an address are refused for a while."), attempts);
        expand(attempts);
    }

    static String label(LoginAttempt.Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "Logged in";
            case BAD_CREDENTIALS -> "Wrong user name or password";
            case DISABLED -> "User disabled";
            case THROTTLED -> "Refused: too many failures";
        };
    }
}

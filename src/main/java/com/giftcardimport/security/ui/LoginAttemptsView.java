package com.giftcardimport.security.ui;

import com.giftcardimport.security.AdministrationService;
import com.giftcardimport.security.LoginAttempt;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.giftcardimport.i18n.Formats;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Every login attempt, failed or not, newest first, for platform admins (SPEC §10). */
@Route("admin/logins")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class LoginAttemptsView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 500;

    final Grid<LoginAttempt> attempts = new Grid<>();

    LoginAttemptsView(AdministrationService admin) {
        setSizeFull();
        attempts.addColumn(a -> Formats.dateTimeSeconds(a.at(), getLocale())).setHeader(getTranslation("logins.when"))
                .setAutoWidth(true);
        attempts.addColumn(LoginAttempt::username).setHeader(getTranslation("logins.username")).setFlexGrow(1)
                .setFrozen(true);
        attempts.addColumn(LoginAttempt::address).setHeader(getTranslation("logins.address")).setAutoWidth(true);
        attempts.addColumn(a -> getTranslation("logins.outcome." + a.outcome().name()))
                .setHeader(getTranslation("logins.outcome")).setAutoWidth(true);
        attempts.setItems(admin.loginAttempts(SHOWN));
        add(new H2(getTranslation("logins.title")), new Paragraph(getTranslation("logins.intro", SHOWN)), attempts);
        expand(attempts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("logins.pageTitle");
    }
}

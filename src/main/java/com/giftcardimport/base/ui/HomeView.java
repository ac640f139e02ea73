package com.giftcardimport.base.ui;

import com.giftcardimport.security.CurrentTenant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The landing route: sends members to their project's pools and platform admins to Administration. */
@Route("")
@PageTitle("Gift Card Import")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final transient CurrentTenant current;

    HomeView(CurrentTenant current) {
        this.current = current;
        add(new H2("Welcome"), new Paragraph("You have no project yet. Ask a platform admin to add you to one."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (current.currentMembership().isPresent()) {
            event.forwardTo("pools");
        } else if (current.user().map(u -> u.isPlatformAdmin()).orElse(false)) {
            event.forwardTo("admin");
        }
    }
}

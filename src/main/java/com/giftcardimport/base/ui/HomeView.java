package com.giftcardimport.base.ui;

import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.AppUser;
import com.giftcardimport.security.CurrentTenant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The landing route (after login): each role lands on its work. A project admin of the current project on the
 * imports, an account manager on the audit, a platform admin without a project on Administration; somebody with
 * nothing to do is told so. The role that counts is the one in the current project (docs/using-the-app.md).
 */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CurrentTenant current;

    HomeView(CurrentTenant current) {
        this.current = current;
        add(new H2(getTranslation("home.welcome")), new Paragraph(getTranslation("home.noProject")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String landing = landing();
        if (landing != null) {
            event.forwardTo(landing);
        }
    }

    /** Where the logged-in person's work is, or null when there is none. */
    private String landing() {
        ProjectRole role = current.currentMembership().map(m -> m.role()).orElse(null);
        if (role == ProjectRole.PROJECT_ADMIN) {
            return "imports";
        }
        if (role == ProjectRole.ACCOUNT_MANAGER) {
            return "audit";
        }
        return current.user().filter(AppUser::isPlatformAdmin).isPresent() ? "admin" : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.pageTitle");
    }
}

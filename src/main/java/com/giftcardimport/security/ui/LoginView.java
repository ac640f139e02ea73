package com.giftcardimport.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The login page: Spring Security's form login posts to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Gift Card Import")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentModeCenter();
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        Div intro = new Div(new H1("Gift Card Import"),
                new Paragraph("Load gift cards into your project's pools from CSV and TXT files."));
        intro.addClassName("gci-login-intro");
        add(intro, form);
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
        }
    }
}

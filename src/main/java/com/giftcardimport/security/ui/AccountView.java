package com.giftcardimport.security.ui;

import com.giftcardimport.security.AccountService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/** Every logged-in person changes their own password here, giving the current one first. */
@Route("account")
@PageTitle("My account · Gift Card Import")
@PermitAll
class AccountView extends VerticalLayout {

    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");
    final Button change = new Button("Change password");

    AccountView(AccountService account) {
        setMaxWidth("32em");
        newPassword.setHelperText("At least 10 characters, not your user name, not a common password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> {
            if (!newPassword.getValue().equals(repeated.getValue())) {
                show("The two new passwords differ", NotificationVariant.LUMO_ERROR);
                return;
            }
            try {
                account.changePassword(currentPassword.getValue(), newPassword.getValue());
                currentPassword.clear();
                newPassword.clear();
                repeated.clear();
                show("Password changed", NotificationVariant.LUMO_SUCCESS);
            } catch (AccessDeniedException | IllegalArgumentException ex) {
                show(ex.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        });
        add(new H2("My account"), new Paragraph("Change your password."), currentPassword, newPassword, repeated,
                change);
    }

    private static void show(String message, NotificationVariant variant) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }
}

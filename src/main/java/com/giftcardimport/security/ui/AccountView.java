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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/** Every logged-in person changes their own password here, giving the current one first. */
@Route("account")
@PermitAll
class AccountView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField currentPassword = new PasswordField(getTranslation("account.current"));
    final PasswordField newPassword = new PasswordField(getTranslation("account.new"));
    final PasswordField repeated = new PasswordField(getTranslation("account.repeated"));
    final Button change = new Button(getTranslation("account.change"));

    AccountView(AccountService account) {
        setMaxWidth("32em");
        addClassName("gci-form-page");
        newPassword.setHelperText(getTranslation("account.new.hint"));
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> {
            if (!newPassword.getValue().equals(repeated.getValue())) {
                show(getTranslation("account.differ"), NotificationVariant.LUMO_ERROR);
                return;
            }
            try {
                account.changePassword(currentPassword.getValue(), newPassword.getValue());
                currentPassword.clear();
                newPassword.clear();
                repeated.clear();
                show(getTranslation("account.changed"), NotificationVariant.LUMO_SUCCESS);
            } catch (AccessDeniedException ex) {
                show(getTranslation("account.wrongCurrent"), NotificationVariant.LUMO_ERROR);
            } catch (IllegalArgumentException ex) {
                show(ex.getMessage(), NotificationVariant.LUMO_ERROR);
            }
        });
        add(new H2(getTranslation("account.title")), new Paragraph(getTranslation("account.intro")), currentPassword,
                newPassword, repeated,
                change);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.pageTitle");
    }

    private static void show(String message, NotificationVariant variant) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }
}

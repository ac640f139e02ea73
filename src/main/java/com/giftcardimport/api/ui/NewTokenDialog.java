package com.giftcardimport.api.ui;

import com.giftcardimport.api.NewApiToken;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a new token's secret, the only time it is ever shown. */
class NewTokenDialog extends Dialog {

    final TextField secret = new TextField("Token");
    final Button close = new Button("I have copied it");

    NewTokenDialog(NewApiToken created) {
        setHeaderTitle("Token \"" + created.token().name() + "\" created");
        setCloseOnOutsideClick(false);
        setWidth("36em");

        Paragraph hint = new Paragraph("Copy this token now and keep it in your script's secret store: it will not "
                + "be shown again. If it is lost, revoke it and create a new one.");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.getElement().executeJs("this.inputElement.select()");
        secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));

        Button copy = new Button("Copy", VaadinIcon.COPY.create(), e -> {
            secret.getElement().executeJs("navigator.clipboard.writeText($0)", created.secret());
            Notification.show("Copied to the clipboard", 2000, Notification.Position.BOTTOM_START);
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(e -> close());

        add(hint, secret);
        getFooter().add(copy, close);
    }
}

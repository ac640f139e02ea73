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

    final TextField secret = new TextField(getTranslation("token.new.secret"));
    final Button close = new Button(getTranslation("token.new.close"));

    NewTokenDialog(NewApiToken created) {
        setHeaderTitle(getTranslation("token.new.title", created.token().name()));
        setCloseOnOutsideClick(false);
        setWidth("min(36em, 95vw)");

        Paragraph hint = new Paragraph(getTranslation("token.new.hint"));
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.getElement().executeJs("this.inputElement.select()");
        secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));

        Button copy = new Button(getTranslation("token.new.copy"), VaadinIcon.COPY.create(), e -> {
            secret.getElement().executeJs("navigator.clipboard.writeText($0)", created.secret());
            Notification.show(getTranslation("token.new.copied"), 2000, Notification.Position.BOTTOM_START);
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(e -> close());

        add(hint, secret);
        getFooter().add(copy, close);
    }
}

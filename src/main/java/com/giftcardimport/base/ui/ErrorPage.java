package com.giftcardimport.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What every error page shows: a title, a sentence, a way back; never an exception's text. */
abstract class ErrorPage extends VerticalLayout {

    final H2 title = new H2();
    final Paragraph message = new Paragraph();

    ErrorPage() {
        addClassName("gci-error-page");
        add(title, message, new Anchor("", getTranslation("error.home")));
    }

    void show(String heading, String text) {
        title.setText(heading);
        message.setText(text);
    }
}

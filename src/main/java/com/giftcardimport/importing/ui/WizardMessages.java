package com.giftcardimport.importing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** The wizard's message box: what keeps the user from going on, one line each; hidden when there is none. */
final class WizardMessages extends Div {

    WizardMessages() {
        addClassName("gci-wizard-messages");
        setId("wizard-messages");
        setVisible(false);
    }

    void show(List<String> lines) {
        removeAll();
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        add(list);
        setVisible(true);
    }

    void hide() {
        removeAll();
        setVisible(false);
    }

    /** The lines on screen. */
    List<String> lines() {
        return getChildren().flatMap(Component::getChildren).map(c -> c.getElement().getText()).toList();
    }
}

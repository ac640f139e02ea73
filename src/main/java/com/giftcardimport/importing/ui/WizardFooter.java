package com.giftcardimport.importing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The wizard's buttons: Cancel on the left; Back, Next and Launch on the right. The wizard wires them. */
final class WizardFooter extends HorizontalLayout {

    final Button cancel = new Button();
    final Button back = new Button(VaadinIcon.ARROW_LEFT.create());
    final Button next = new Button(VaadinIcon.ARROW_RIGHT.create());
    final Button launch = new Button(VaadinIcon.PLAY.create());

    WizardFooter() {
        cancel.setText(getTranslation("wizard.cancel"));
        back.setText(getTranslation("wizard.back"));
        next.setText(getTranslation("wizard.next"));
        launch.setText(getTranslation("wizard.launch"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.setId("wizard-cancel");
        back.setId("wizard-back");
        next.setId("wizard-next");
        next.setIconAfterText(true);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.setId("wizard-launch");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        launch.setDisableOnClick(true);

        Div spacer = new Div();
        add(cancel, spacer, back, next, launch);
        addClassName("gci-wizard-footer");
        setWidthFull();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        expand(spacer);
    }
}

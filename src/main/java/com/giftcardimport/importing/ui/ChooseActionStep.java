package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportType;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/** Wizard step 1: the import type and the action, from the catalogue. Fires {@link ActionChosen}. */
final class ChooseActionStep extends VerticalLayout {

    /** The user chose an action (or the step chose the only one there is). */
    static final class ActionChosen extends ComponentEvent<ChooseActionStep> {
        private final ImportAction action;

        ActionChosen(ChooseActionStep source, ImportAction action) {
            super(source, false);
            this.action = action;
        }

        ImportAction action() {
            return action;
        }
    }

    final RadioButtonGroup<ImportType> type = new RadioButtonGroup<>();
    final RadioButtonGroup<ImportAction> action = new RadioButtonGroup<>();
    private final Paragraph description = new Paragraph();
    private final List<ImportAction> catalogue;

    ChooseActionStep(List<ImportAction> catalogue) {
        this.catalogue = catalogue;
        setPadding(false);
        type.setLabel(getTranslation("wizard.action.type"));
        action.setLabel(getTranslation("wizard.action.action"));
        List<ImportType> types = catalogue.stream().map(ImportAction::type).distinct().toList();
        type.setItems(types);
        type.setItemLabelGenerator(t -> getTranslation("imports.type." + t.name()));
        type.addValueChangeListener(e -> {
            List<ImportAction> actions = catalogue.stream().filter(a -> a.type() == e.getValue()).toList();
            action.setItems(actions);
            action.setValue(actions.isEmpty() ? null : actions.getFirst());
        });
        action.setItemLabelGenerator(a -> getTranslation("imports.action." + a.name()));
        action.addValueChangeListener(e -> {
            description.setText(e.getValue() == null ? ""
                    : getTranslation("imports.action." + e.getValue().name() + ".description"));
            if (e.getValue() != null) {
                fireEvent(new ActionChosen(this, e.getValue()));
            }
        });
        description.addClassName("gci-muted");
        add(new Paragraph(getTranslation("wizard.action.question")), type, action, description);
    }

    /** Preselects the first type and action of the catalogue. */
    void selectDefault() {
        if (!catalogue.isEmpty()) {
            type.setValue(catalogue.getFirst().type());
        }
    }

    /** Selects {@code chosen} (a restored draft's action), which fires {@link ActionChosen}. */
    void select(ImportAction chosen) {
        type.setValue(chosen.type());
        action.setValue(chosen);
    }

    Registration addActionChosenListener(ComponentEventListener<ActionChosen> listener) {
        return addListener(ActionChosen.class, listener);
    }
}

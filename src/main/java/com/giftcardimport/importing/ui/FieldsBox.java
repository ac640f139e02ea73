package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Step 2's table of the fields a file of the chosen action may fill, which are required, and what a row does. */
final class FieldsBox extends Details {

    final Grid<GiftCardField> fields = new Grid<>();
    private final Paragraph intro = new Paragraph();
    private ImportAction action = ImportAction.ADD_GIFT_CARDS;

    FieldsBox() {
        fields.addColumn(f -> getTranslation("mapping.field." + f.name())).setHeader(getTranslation("wizard.fields.field")).setAutoWidth(true)
                .setFlexGrow(0);
        fields.addColumn(f -> getTranslation(action.requires(f) ? "wizard.fields.required" : "wizard.fields.optional"))
                .setHeader(getTranslation("wizard.fields.required-header")).setAutoWidth(true).setFlexGrow(0);
        fields.addColumn(f -> getTranslation("mapping.field." + f.name() + ".description")).setHeader(getTranslation("wizard.fields.description"))
                .setFlexGrow(1);
        fields.setAllRowsVisible(true);
        fields.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        intro.addClassName("gci-muted");
        VerticalLayout content = new VerticalLayout(intro, fields);
        content.setPadding(false);
        add(content);
        show(ImportAction.ADD_GIFT_CARDS);
        setOpened(true);
        setWidthFull();
    }

    /** The fields a file of {@code chosen} fills and what each row does. */
    void show(ImportAction chosen) {
        action = chosen;
        fields.setItems(chosen.fields());
        long required = chosen.fields().stream().filter(chosen::requires).count();
        setSummaryText(getTranslation("wizard.fields.summary", chosen.fields().size(), required));
        intro.setText(getTranslation(chosen.createsCards() ? "wizard.fields.intro.add" : "wizard.fields.intro.status"));
    }
}

package com.giftcardimport.importing.ui;

import com.giftcardimport.base.NarrowColumns;
import com.giftcardimport.importing.RowError;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.Locale;

/** The columns and look of a result page's grid of row errors (row, column, value, message). */
final class RowErrorColumns {

    private RowErrorColumns() {
    }

    static void addTo(Grid<RowError> errors) {
        errors.addColumn(RowError::rowNumber).setHeader(errors.getTranslation("result.errors.row"))
                .setAutoWidth(true).setFlexGrow(0).setKey("row");
        errors.addColumn(e -> e.column() == null ? errors.getTranslation("result.errors.whole-row") : e.column())
                .setHeader(errors.getTranslation("result.errors.column")).setWidth("12rem").setFlexGrow(0)
                .setKey("column");
        errors.addColumn(e -> e.value() == null ? "" : e.value())
                .setHeader(errors.getTranslation("result.errors.value")).setWidth("14rem").setFlexGrow(0)
                .setKey("value");
        // the messages in the page's language (those stored before the texts were keyed, in their English)
        Locale locale = UI.getCurrent() == null ? Locale.ENGLISH : UI.getCurrent().getLocale();
        errors.addColumn(e -> e.messageIn(locale)).setHeader(errors.getTranslation("result.errors.message"))
                .setFlexGrow(1).setKey("message");
        errors.setPageSize(50);
        errors.setHeight("26rem");
        errors.setWidthFull();
        errors.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        errors.setEmptyStateText(errors.getTranslation("result.errors.none"));
        // on a phone the message, which names the column and the value itself, takes the width
        NarrowColumns.hideWhenNarrow(errors, "column", "value");
    }
}

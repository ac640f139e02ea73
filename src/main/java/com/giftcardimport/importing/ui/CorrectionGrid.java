package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CorrectableRow;
import com.giftcardimport.importing.CorrectionTarget;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.RowError;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The failed rows of an import or a check in an editable grid: one text field per mapped cell, each edit checked as
 * one types by the import's own rules ({@link ImportCorrections#validate}), with the same messages. "Import corrected
 * rows" hands over the rows that were changed and now pass; the others are left as they are (they stay in the
 * original's error report).
 */
final class CorrectionGrid extends VerticalLayout {

    /** One failed row being corrected; its fields are made once and kept, so a re-render keeps the focus. */
    final class EditedRow {
        final CorrectableRow original;
        final List<String> cells;
        List<RowError> errors;
        private final Map<Integer, TextField> fields = new HashMap<>();
        private final Div problems = new Div();

        EditedRow(CorrectableRow original) {
            this.original = original;
            this.cells = new ArrayList<>(original.cells());
            this.errors = List.of();
            problems.addClassName("gci-cell");
            showProblems(original.messages());
        }

        boolean changed() {
            return !cells.equals(original.cells());
        }

        boolean corrected() {
            return changed() && errors.isEmpty();
        }

        TextField field(int column) {
            return fields.computeIfAbsent(column, c -> {
                TextField field = new TextField();
                field.setValue(cells.get(c));
                field.setWidthFull();
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.setValueChangeTimeout(300);
                field.setId("correct-" + original.rowNumber() + "-" + c);
                if (target.cvvColumns().contains(c)) {
                    field.setPlaceholder(getTranslation("correction.cvv.placeholder"));
                }
                field.addValueChangeListener(e -> edit(this, c, e.getValue()));
                return field;
            });
        }

        Div problems() {
            return problems;
        }

        void showProblems(List<String> messages) {
            problems.setText(String.join(" ", messages));
            problems.setClassName("gci-cell-error", !messages.isEmpty());
            if (messages.isEmpty()) {
                problems.setText(getTranslation("correction.row.ok"));
            }
        }
    }

    private final transient ImportCorrections corrections;
    private final CorrectionTarget target;
    private final transient Consumer<List<List<String>>> onImport;
    final Grid<EditedRow> grid = new Grid<>();
    final Paragraph status = new Paragraph();
    final Button importCorrected = new Button();
    private final List<EditedRow> rows = new ArrayList<>();

    CorrectionGrid(ImportCorrections corrections, CorrectionTarget target, List<CorrectableRow> failed,
                   Consumer<List<List<String>>> onImport) {
        this.corrections = corrections;
        this.target = target;
        this.onImport = onImport;
        setPadding(false);
        setId("correction");
        failed.forEach(r -> rows.add(new EditedRow(r)));
        grid.setId("correction-grid");
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> r.original.rowNumber()).setHeader(getTranslation("correction.column.row"))
                .setAutoWidth(true).setFlexGrow(0).setKey("row");
        for (int c = 0; c < target.header().size(); c++) {
            if (target.editable(c)) {
                int column = c;
                boolean cardNumber = target.mapping().field(c).filter(GiftCardField.CARD_NUMBER::equals).isPresent();
                grid.addComponentColumn(r -> r.field(column)).setHeader(target.header().get(c))
                        .setWidth(cardNumber ? "13rem" : "9rem").setFlexGrow(1).setResizable(true)
                        .setKey("column-" + c);
            }
        }
        grid.addComponentColumn(EditedRow::problems).setHeader(getTranslation("correction.column.problems"))
                .setWidth("16rem").setFlexGrow(2).setKey("problems");
        grid.setItems(rows);
        if (rows.size() <= 10) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24rem");
        }
        status.setId("correction-status");
        importCorrected.setText(getTranslation("correction.import"));
        importCorrected.setId("import-corrected");
        importCorrected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importCorrected.addClickListener(e -> importRows());
        Paragraph hint = new Paragraph(getTranslation("correction.hint", failed.size()));
        hint.addClassName("gci-muted");
        add(hint, grid, status, importCorrected);
        update();
    }

    private void edit(EditedRow row, int column, String value) {
        row.cells.set(column, value == null ? "" : value);
        row.errors = corrections.validate(target, row.original.rowNumber(), row.cells);
        Map<String, List<String>> byColumn = new HashMap<>();
        List<String> whole = new ArrayList<>();
        for (RowError error : row.errors) {
            if (error.column() != null && target.header().contains(error.column())) {
                byColumn.computeIfAbsent(error.column(), k -> new ArrayList<>()).add(error.messageIn(getLocale()));
            } else {
                whole.add(error.messageIn(getLocale()));
            }
        }
        row.fields.forEach((c, field) -> {
            List<String> messages = byColumn.getOrDefault(target.header().get(c), List.of());
            field.setInvalid(!messages.isEmpty());
            field.setErrorMessage(messages.isEmpty() ? null : String.join(" ", messages));
        });
        List<String> all = new ArrayList<>(whole);
        byColumn.values().forEach(all::addAll);
        row.showProblems(row.changed() ? all : row.original.messages());
        update();
    }

    void update() {
        long corrected = rows.stream().filter(EditedRow::corrected).count();
        status.setText(getTranslation("correction.status", corrected, rows.size()));
        importCorrected.setEnabled(corrected > 0);
    }

    private void importRows() {
        List<List<String>> corrected = correctedRows();
        if (!corrected.isEmpty()) {
            importCorrected.setEnabled(false);
            onImport.accept(corrected);
        }
    }

    /** The rows changed so that they now pass, as they would be imported. */
    List<List<String>> correctedRows() {
        return rows.stream().filter(EditedRow::corrected).map(r -> List.copyOf(r.cells)).toList();
    }

    /** For tests: the row with this number. */
    EditedRow row(long rowNumber) {
        return rows.stream().filter(r -> r.original.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No failed row " + rowNumber));
    }

    /** For tests: the column index of a file column by name. */
    int column(String name) {
        int index = target.header().indexOf(name);
        if (index < 0 || !target.editable(index)) {
            throw new IllegalArgumentException(Objects.toString(name) + " is not an editable column");
        }
        return index;
    }
}

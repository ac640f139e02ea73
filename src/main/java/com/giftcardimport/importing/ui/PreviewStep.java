package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportPreview;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wizard step 4: the first rows with the mapping applied, under the target field names, and the check of the whole
 * file ({@link CheckPanel}) running meanwhile. A cell that would fail is marked ({@code gci-cell-error}) and says
 * why; problems of the row as a whole (a duplicate, a pool rule) are in the last column. The wizard's Launch button
 * goes with this step: it asks first when every row, or most rows, of those checked would fail.
 */
final class PreviewStep extends VerticalLayout {

    final Paragraph summary = new Paragraph();
    final Div problems = new Div();
    final Grid<ImportPreview.Row> grid = new Grid<>();
    final CheckPanel check;

    /**
     * @param launchWithCorrections launches the file and a follow-up import of the rows corrected in the check's
     *                              grid
     */
    PreviewStep(ImportChecks checks, ImportCorrections corrections, Consumer<List<List<String>>> launchWithCorrections) {
        setPadding(false);
        check = new CheckPanel(checks, corrections, launchWithCorrections);
        summary.setId("preview-summary");
        problems.addClassName("gci-problems");
        problems.setVisible(false);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("preview-grid");
        add(summary, problems, check, grid);
    }

    void show(ImportPreview preview, ColumnMapping mapping) {
        long failing = preview.rows().stream().filter(r -> !r.valid()).count();
        int shown = preview.rows().size();
        summary.setText(shown == 0 ? getTranslation("preview.no-rows")
                : getTranslation("preview.summary", shown, shown - failing, failing));

        problems.removeAll();
        if (!preview.mappingProblems().isEmpty()) {
            UnorderedList list = new UnorderedList();
            preview.mappingProblems().forEach(p -> list.add(new ListItem(p)));
            problems.add(list);
        }
        problems.setVisible(!preview.mappingProblems().isEmpty());

        grid.removeAllColumns();
        grid.addColumn(ImportPreview.Row::rowNumber).setHeader(getTranslation("preview.column.row"))
                .setAutoWidth(true).setFlexGrow(0).setKey("row");
        for (GiftCardField field : GiftCardField.values()) {
            if (mapping.columnOf(field) >= 0) {
                Grid.Column<ImportPreview.Row> column = grid.addComponentColumn(row -> cell(row, field))
                        .setHeader(getTranslation("mapping.field." + field.name())).setFlexGrow(1).setResizable(true).setKey(field.name());
                if (field == GiftCardField.CARD_NUMBER) {
                    column.setAutoWidth(true).setFlexGrow(0);   // a 16-digit number on one line
                } else {
                    column.setWidth("10rem");
                }
            }
        }
        grid.addComponentColumn(this::rowProblems).setHeader(getTranslation("preview.column.problems"))
                .setWidth("12rem").setFlexGrow(1).setKey("problems");
        grid.setItems(preview.rows());
    }

    /** The whole-file check of the file on screen: shown now, followed until it ends. */
    void showCheck(CheckSummary started) {
        check.show(started);
    }

    /** The rows corrected in the check's grid, to import with the file as a follow-up; empty when none. */
    List<List<String>> correctedRows() {
        return check.correctedRows();
    }

    /**
     * Runs {@code launch}, after asking when every row or most rows checked so far would fail (SPEC 11; the threshold
     * is {@link CheckSummary#MOST_ROWS}, see {@code docs/rules.md}); {@code notLaunched} when the person goes back.
     */
    void confirmLaunch(Runnable launch, Runnable notLaunched) {
        check.refresh();
        CheckSummary checked = check.check();
        if (checked == null || !(checked.everyRowFails() || checked.mostRowsFail())) {
            launch.run();
            return;
        }
        String text = getTranslation(checked.everyRowFails() ? "check.confirm.all" : "check.confirm.most",
                ImportDisplay.number(checked.failedRows()), ImportDisplay.number(checked.checkedRows()));
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("check.confirm.title"), text,
                getTranslation("check.confirm.launch"), e -> launch.run());
        dialog.setId("launch-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("check.confirm.back"));
        dialog.addCancelListener(e -> {
            check.launchCancelled();
            notLaunched.run();
        });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private Div cell(ImportPreview.Row row, GiftCardField field) {
        Span value = new Span(row.values().getOrDefault(field, ""));
        if (field == GiftCardField.CARD_NUMBER) {
            value.addClassName("gci-nowrap");
        }
        Div cell = new Div(value);
        cell.addClassName("gci-cell");
        List<String> messages = row.fieldErrors().getOrDefault(field, List.of());
        if (!messages.isEmpty()) {
            cell.addClassName("gci-cell-error");
            String reason = String.join(" ", messages);
            cell.setTitle(reason);
            Span why = new Span(reason);
            why.addClassName("gci-cell-reason");
            cell.add(why);
        }
        return cell;
    }

    private Div rowProblems(ImportPreview.Row row) {
        Div cell = new Div();
        cell.addClassName("gci-cell");
        if (!row.rowErrors().isEmpty()) {
            cell.addClassName("gci-cell-error");
            cell.setText(String.join(" ", row.rowErrors()));
        } else if (row.valid()) {
            Span ok = new Span(getTranslation("preview.ok"));
            ok.addClassName("gci-cell-ok");
            cell.add(ok);
        }
        return cell;
    }
}

package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportPreview;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * Wizard step 4: the first rows with the mapping applied, under the target field names. A cell that would fail is
 * marked ({@code gci-cell-error}) and says why; problems of the row as a whole (a duplicate, a pool rule) are in
 * the last column. The wizard's Launch button goes with this step.
 */
final class PreviewStep extends VerticalLayout {

    final Paragraph summary = new Paragraph();
    final Div problems = new Div();
    final Grid<ImportPreview.Row> grid = new Grid<>();

    PreviewStep() {
        setPadding(false);
        summary.setId("preview-summary");
        problems.addClassName("gci-problems");
        problems.setVisible(false);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("preview-grid");
        add(summary, problems, grid);
    }

    void show(ImportPreview preview, ColumnMapping mapping) {
        long failing = preview.rows().stream().filter(r -> !r.valid()).count();
        int shown = preview.rows().size();
        summary.setText(shown == 0 ? "The file has no data rows."
                : "The first " + shown + (shown == 1 ? " row" : " rows") + " of the file: "
                + (shown - failing) + " would be imported, " + failing + " would fail. "
                + "The whole file is checked when the import runs; failing rows are skipped and reported.");

        problems.removeAll();
        if (!preview.mappingProblems().isEmpty()) {
            UnorderedList list = new UnorderedList();
            preview.mappingProblems().forEach(p -> list.add(new ListItem(p)));
            problems.add(list);
        }
        problems.setVisible(!preview.mappingProblems().isEmpty());

        grid.removeAllColumns();
        grid.addColumn(ImportPreview.Row::rowNumber).setHeader("Row").setAutoWidth(true).setFlexGrow(0)
                .setKey("row");
        for (GiftCardField field : GiftCardField.values()) {
            if (mapping.columnOf(field) >= 0) {
                grid.addComponentColumn(row -> cell(row, field)).setHeader(field.label()).setWidth("10rem")
                        .setFlexGrow(1).setResizable(true).setKey(field.name());
            }
        }
        grid.addComponentColumn(PreviewStep::rowProblems).setHeader("Problems").setWidth("12rem").setFlexGrow(1)
                .setKey("problems");
        grid.setItems(preview.rows());
    }

    private static Div cell(ImportPreview.Row row, GiftCardField field) {
        Span value = new Span(row.values().getOrDefault(field, ""));
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

    private static Div rowProblems(ImportPreview.Row row) {
        Div cell = new Div();
        cell.addClassName("gci-cell");
        if (!row.rowErrors().isEmpty()) {
            cell.addClassName("gci-cell-error");
            cell.setText(String.join(" ", row.rowErrors()));
        } else if (row.valid()) {
            Span ok = new Span("OK");
            ok.addClassName("gci-cell-ok");
            cell.add(ok);
        }
        return cell;
    }
}

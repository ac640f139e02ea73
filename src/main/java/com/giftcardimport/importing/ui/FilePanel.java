package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2's view of the file held: its name with a tick (it can be imported) or a warning sign (it is refused) and a
 * Remove button; how it reads (a workbook's sheet, or encoding and delimiter) and its rows; warnings, problems and
 * the first rows. {@link UploadStep} wires the choices to the wizard.
 */
final class FilePanel extends VerticalLayout {

    /** The encodings offered; a detected one not in the list is added to it. */
    static final List<Charset> COMMON_ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1251"),
            Charset.forName("KOI8-R"), Charset.forName("IBM866"), Charset.forName("ISO-8859-5"),
            Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    final Span fileName = new Span();
    final Icon fileOk = VaadinIcon.CHECK_CIRCLE.create();
    final Icon fileRefused = VaadinIcon.WARNING.create();
    final Button removeFile = new Button();
    final Select<String> sheet = new Select<>();
    final ComboBox<Charset> encoding = new ComboBox<>();
    final Select<Character> delimiter = new Select<>();
    final Span rows = new Span();
    final Div problems = new Div();
    final Div warnings = new Div();
    final Grid<SourceRow> sample = new Grid<>();

    FilePanel() {
        setPadding(false);
        removeFile.setText(getTranslation("wizard.upload.remove"));
        removeFile.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        removeFile.setId("remove-file");
        fileOk.addClassName("gci-file-ok");
        fileOk.setColor("var(--lumo-success-color)");
        fileRefused.addClassName("gci-file-refused");
        fileRefused.setColor("var(--lumo-error-color)");
        fileName.addClassName("gci-file-name");
        sheet.setLabel(getTranslation("wizard.sheet"));
        sheet.setId("sheet");
        encoding.setLabel(getTranslation("wizard.encoding"));
        encoding.setItems(COMMON_ENCODINGS);
        encoding.setItemLabelGenerator(FormatLabels::encodingLabel);
        encoding.setAllowCustomValue(false);
        encoding.setWidth("16rem");
        encoding.setId("encoding");
        delimiter.setLabel(getTranslation("wizard.delimiter"));
        delimiter.setId("delimiter");
        delimiter.setItems(FileFormat.DELIMITERS.chars().mapToObj(c -> (char) c).toList());
        delimiter.setItemLabelGenerator(FormatLabels::delimiterLabel);
        rows.addClassName("gci-rows-estimate");
        rows.setId("rows-estimate");
        problems.addClassName("gci-problems");
        problems.setId("file-problems");
        warnings.addClassName("gci-warnings");
        warnings.setId("file-warnings");
        sample.setAllRowsVisible(true);
        sample.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        sample.setId("sample-rows");

        HorizontalLayout held = new HorizontalLayout(fileOk, fileRefused, fileName, removeFile);
        held.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        held.addClassName("gci-wrap");
        HorizontalLayout format = new HorizontalLayout(sheet, encoding, delimiter, rows);
        format.addClassName("gci-wrap");
        format.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(held, format, warnings, problems, sample);
    }

    /** Shows what the file tells. */
    void show(StoredFile file, SniffResult result) {
        fileName.setText(getTranslation("wizard.file.name", file.originalName(), ImportDisplay.number(file.size()))
                + (result.bomPresent() ? getTranslation("wizard.file.bom") : ""));
        fileOk.setVisible(result.ok());
        fileRefused.setVisible(!result.ok());
        boolean workbook = result.detected().isWorkbook();
        sheet.setVisible(workbook);
        encoding.setVisible(!workbook);
        delimiter.setVisible(!workbook);
        if (workbook) {
            sheet.setItems(result.sheets());
            sheet.setValue(result.sheets().contains(result.detected().sheet()) ? result.detected().sheet() : null);
            sheet.setEnabled(result.sheets().size() > 1);
        } else {
            List<Charset> encodings = new ArrayList<>(COMMON_ENCODINGS);
            if (!encodings.contains(result.encoding())) {
                encodings.add(result.encoding());
                encoding.setItems(encodings);
            }
            encoding.setValue(result.encoding());
            delimiter.setValue(result.detected().delimiter());
        }
        rows.setVisible(result.ok());
        rows.setText(getTranslation(result.exactRowCount() ? "wizard.rows.exact"
                : workbook ? "wizard.rows.estimated-sheet" : "wizard.rows.estimated",
                ImportDisplay.number(result.estimatedRows())));
        showProblems(result);
        sample.removeAllColumns();
        sample.addColumn(SourceRow::rowNumber).setHeader(getTranslation("wizard.sample.row")).setAutoWidth(true)
                .setFlexGrow(0);
        List<String> headers = result.headers();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            sample.addColumn(r -> r.cell(column)).setHeader(headers.get(i)).setAutoWidth(true).setKey("c" + i);
        }
        sample.setItems(result.sampleRows().stream().limit(8).toList());
        sample.setVisible(!headers.isEmpty());
    }

    private void showProblems(SniffResult result) {
        problems.removeAll();
        if (!result.ok()) {
            UnorderedList list = new UnorderedList();
            result.problems().forEach(p -> list.add(new ListItem(p.in(getLocale()))));
            problems.add(new Span(getTranslation("wizard.file.refused")), list);
        }
        problems.setVisible(!result.ok());
        warnings.removeAll();
        result.warnings().forEach(w -> warnings.add(new Paragraph(w.in(getLocale()))));
        warnings.setVisible(!result.warnings().isEmpty());
    }

    void clear() {
        problems.removeAll();
    }
}

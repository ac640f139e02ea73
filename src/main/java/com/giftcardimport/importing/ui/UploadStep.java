package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileTooLargeException;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wizard step 2: what a file may hold (the field table and a template), the upload, then what was detected
 * (encoding, delimiter, row estimate, the first rows), each overridable, and the file-level problems.
 * <p>
 * The upload streams straight into storage in the upload request, outside the session lock (Vaadin's
 * {@link UploadHandler}); the step then tells the wizard with {@link UploadEvents.FileUploaded}. Overrides fire
 * {@link UploadEvents.FormatOverridden}; the wizard inspects the file again and calls {@link #show}.
 */
final class UploadStep extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(UploadStep.class);

    /** Where uploads go: the wizard's link to the import service. */
    interface Storage {
        /** Streams the upload to storage; runs in the upload request, not holding the UI lock. */
        StoredFile store(InputStream content, String fileName);

        /** Drops an upload nobody will use (the wizard is gone). */
        void discard(StoredFile file);
    }

    /** The encodings offered; a detected one not in the list is added to it. */
    static final List<Charset> COMMON_ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-1251"),
            Charset.forName("KOI8-R"), Charset.forName("IBM866"), Charset.forName("ISO-8859-5"),
            Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    final Details fieldsBox = new Details();
    final Grid<GiftCardField> fields = new Grid<>();
    private final Paragraph intro = new Paragraph();
    private ImportAction action = ImportAction.ADD_GIFT_CARDS;
    final Anchor template = new Anchor();
    final Upload upload = new Upload();
    final Span fileName = new Span();
    final ComboBox<Charset> encoding = new ComboBox<>("Encoding");
    final Select<Character> delimiter = new Select<>();
    final Span rows = new Span();
    final Div problems = new Div();
    /** What the user should know about the file that does not stop it (e.g. bytes that are not valid UTF-8). */
    final Div warnings = new Div();
    final Grid<SourceRow> sample = new Grid<>();
    private final VerticalLayout inspection = new VerticalLayout();
    private final transient Storage storage;
    private boolean showing;
    /** Whether the user picked the delimiter (then it is kept when the encoding changes). */
    private boolean delimiterChosen;

    UploadStep(Storage storage) {
        this.storage = storage;
        setPadding(false);

        fields.addColumn(GiftCardField::label).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
        fields.addColumn(f -> action.requires(f) ? "Required" : "Optional").setHeader("Required").setAutoWidth(true)
                .setFlexGrow(0);
        fields.addColumn(GiftCardField::description).setHeader("Description").setFlexGrow(1);
        fields.setAllRowsVisible(true);
        fields.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);

        DownloadHandler templateFile = event -> {
            byte[] csv = FormatLabels.templateCsv(action);
            event.setFileName("gift-cards-template.csv");
            event.setContentType("text/csv; charset=UTF-8");
            event.setContentLength(csv.length);
            event.getOutputStream().write(csv);
        };
        template.setHref(templateFile, AttachmentType.DOWNLOAD);
        template.setText("Download a CSV template");
        template.setId("download-template");

        upload.setUploadHandler(this::receive);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setAcceptedFileExtensions(".csv", ".txt");
        upload.setDropLabel(new Span("or drop a .csv or .txt file here"));
        upload.setWidth("36rem");
        upload.setId("file-upload");
        upload.addFileRemovedListener(e -> fireEvent(new UploadEvents.FileRemoved(this)));
        upload.addFileRejectedListener(e -> fireEvent(new UploadEvents.UploadFailed(this, e.getErrorMessage())));

        encoding.setItems(COMMON_ENCODINGS);
        encoding.setItemLabelGenerator(FormatLabels::encodingLabel);
        encoding.setAllowCustomValue(false);
        encoding.setWidth("16rem");
        encoding.setId("encoding");
        encoding.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                fireEvent(new UploadEvents.FormatOverridden(this, Optional.of(e.getValue()), chosenDelimiter()));
            }
        });
        delimiter.setLabel("Delimiter");
        delimiter.setId("delimiter");
        delimiter.setItems(FileFormat.DELIMITERS.chars().mapToObj(c -> (char) c).toList());
        delimiter.setItemLabelGenerator(FormatLabels::delimiterLabel);
        delimiter.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                delimiterChosen = true;
                fireEvent(new UploadEvents.FormatOverridden(this, Optional.ofNullable(encoding.getValue()),
                        Optional.of(e.getValue())));
            }
        });
        rows.addClassName("gci-rows-estimate");
        rows.setId("rows-estimate");
        problems.addClassName("gci-problems");
        problems.setId("file-problems");
        warnings.addClassName("gci-warnings");
        warnings.setId("file-warnings");
        sample.setAllRowsVisible(true);
        sample.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        sample.setId("sample-rows");

        fileName.addClassName("gci-file-name");
        HorizontalLayout format = new HorizontalLayout(encoding, delimiter, rows);
        format.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        inspection.setPadding(false);
        inspection.add(new H3("What the file looks like"), fileName, format, warnings, problems, sample);
        inspection.setVisible(false);

        intro.addClassName("gci-muted");
        VerticalLayout fieldsContent = new VerticalLayout(intro, fields, template);
        fieldsContent.setPadding(false);
        showFields(ImportAction.ADD_GIFT_CARDS);
        fieldsBox.add(fieldsContent);
        fieldsBox.setOpened(true);
        fieldsBox.setWidthFull();
        add(fieldsBox, new H3("Upload"), upload, inspection);
    }

    /** The fields a file of {@code chosen} fills, its template and what each row does. */
    void showFields(ImportAction chosen) {
        action = chosen;
        fields.setItems(chosen.fields());
        long required = chosen.fields().stream().filter(chosen::requires).count();
        fieldsBox.setSummaryText("Fields a file can fill: " + chosen.fields().size() + ", of which " + required
                + " required");
        intro.setText("The file's first row holds the column names; they may be anything, you map them to these "
                + "fields in the next step. " + (chosen.createsCards() ? "Each data row creates one new gift card."
                : "Each data row sets the status of one existing gift card of this project."));
    }

    private Optional<Character> chosenDelimiter() {
        return delimiterChosen ? Optional.ofNullable(delimiter.getValue()) : Optional.empty();
    }

    /** Runs in the upload request, outside the UI lock: streams the file to storage, then tells the UI. */
    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        StoredFile stored;
        try {
            stored = storage.store(event.getInputStream(), event.getFileName());
        } catch (FileTooLargeException e) {
            event.reject(e.getMessage());
            inUi(ui, () -> fireEvent(new UploadEvents.UploadFailed(this, e.getMessage())), () -> { });
            return;
        } catch (RuntimeException e) {
            inUi(ui, () -> fireEvent(new UploadEvents.UploadFailed(this, "The upload failed: " + e.getMessage())),
                    () -> { });
            throw e;
        }
        inUi(ui, () -> {
            if (isAttached()) {
                fireEvent(new UploadEvents.FileUploaded(this, stored));
            } else {
                storage.discard(stored);   // the user left the wizard while the file was on its way
            }
        }, () -> storage.discard(stored));
    }

    private static void inUi(UI ui, Runnable command, Runnable whenGone) {
        try {
            if (ui == null) {
                whenGone.run();
            } else {
                ui.access(command::run);
            }
        } catch (UIDetachedException e) {
            log.debug("Upload finished after its wizard was closed");
            whenGone.run();
        }
    }

    /** Shows what the head of the file tells. */
    void show(StoredFile file, SniffResult result) {
        if (!showing) {
            fieldsBox.setOpened(false);   // make room for the file; the table is one click away
        }
        showing = true;
        inspection.setVisible(true);
        fileName.setText(file.originalName() + " · " + ImportDisplay.number(file.size()) + " bytes"
                + (result.bomPresent() ? " · byte-order mark" : ""));
        List<Charset> encodings = new ArrayList<>(COMMON_ENCODINGS);
        if (!encodings.contains(result.encoding())) {
            encodings.add(result.encoding());
            encoding.setItems(encodings);
        }
        encoding.setValue(result.encoding());
        delimiter.setValue(result.detected().delimiter());
        rows.setText(result.exactRowCount() ? ImportDisplay.number(result.estimatedRows()) + " data rows"
                : "About " + ImportDisplay.number(result.estimatedRows()) + " data rows (estimated from the start "
                + "of the file)");

        problems.removeAll();
        if (!result.ok()) {
            UnorderedList list = new UnorderedList();
            result.problems().forEach(p -> list.add(new ListItem(p)));
            Span lead = new Span("This file cannot be imported:");
            problems.add(lead, list);
        }
        problems.setVisible(!result.ok());
        warnings.removeAll();
        result.warnings().forEach(w -> warnings.add(new Paragraph(w)));
        warnings.setVisible(!result.warnings().isEmpty());

        sample.removeAllColumns();
        sample.addColumn(SourceRow::rowNumber).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        List<String> headers = result.headers();
        for (int i = 0; i < headers.size(); i++) {
            int column = i;
            sample.addColumn(r -> r.cell(column)).setHeader(headers.get(i)).setAutoWidth(true)
                    .setKey("c" + i);
        }
        sample.setItems(result.sampleRows().stream().limit(8).toList());
        sample.setVisible(!headers.isEmpty());
    }

    /** Back to "no file". */
    void clear() {
        showing = false;
        delimiterChosen = false;
        inspection.setVisible(false);
        problems.removeAll();
    }

    /** Forget the user's delimiter choice (a new file was uploaded). */
    void resetOverrides() {
        delimiterChosen = false;
    }

    Registration addFileUploadedListener(ComponentEventListener<UploadEvents.FileUploaded> listener) {
        return addListener(UploadEvents.FileUploaded.class, listener);
    }

    Registration addUploadFailedListener(ComponentEventListener<UploadEvents.UploadFailed> listener) {
        return addListener(UploadEvents.UploadFailed.class, listener);
    }

    Registration addFileRemovedListener(ComponentEventListener<UploadEvents.FileRemoved> listener) {
        return addListener(UploadEvents.FileRemoved.class, listener);
    }

    Registration addFormatOverriddenListener(ComponentEventListener<UploadEvents.FormatOverridden> listener) {
        return addListener(UploadEvents.FormatOverridden.class, listener);
    }
}

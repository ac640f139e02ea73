package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportTemplate;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileTooLargeException;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
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
import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wizard step 2: the upload first (visible without scrolling), the templates, then what was detected (encoding,
 * delimiter or a workbook's sheet, row count, the first rows), each overridable, and the file-level problems; the
 * fields a file may hold below.
 * <p>
 * The upload streams straight into storage in the upload request, outside the session lock (Vaadin's
 * {@link UploadHandler}); the step then tells the wizard with {@link UploadEvents.FileUploaded}. The upload's own
 * list is emptied once a file is handled, so a second file can always be dropped and no tick stays beside a refused
 * one: the file held is shown by this step, with its Remove button. Overrides fire
 * {@link UploadEvents.FormatOverridden} or {@link UploadEvents.SheetChosen}; the wizard reads the file again and
 * calls {@link #show}.
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

    static final List<Charset> COMMON_ENCODINGS = FilePanel.COMMON_ENCODINGS;

    final FieldsBox fieldsBox = new FieldsBox();
    final Grid<GiftCardField> fields = fieldsBox.fields;
    private ImportAction action = ImportAction.ADD_GIFT_CARDS;
    final Anchor template = new Anchor();
    final Anchor templateXlsx = new Anchor();
    final Upload upload = new Upload();
    /** The file held, and how it reads. */
    private final FilePanel inspection = new FilePanel();
    final Span fileName = inspection.fileName;
    final Icon fileOk = inspection.fileOk;
    final Icon fileRefused = inspection.fileRefused;
    final Button removeFile = inspection.removeFile;
    final Select<String> sheet = inspection.sheet;
    final ComboBox<Charset> encoding = inspection.encoding;
    final Select<Character> delimiter = inspection.delimiter;
    final Span rows = inspection.rows;
    final Div problems = inspection.problems;
    /** What the user should know about the file that does not stop it (e.g. bytes that are not valid UTF-8). */
    final Div warnings = inspection.warnings;
    final Grid<SourceRow> sample = inspection.sample;
    private final transient Storage storage;
    private boolean showing;
    /** Whether the user picked the delimiter (then it is kept when the encoding changes). */
    private boolean delimiterChosen;

    /**
     * @param csvTemplate the template of an action as CSV in the reader's language and the project's usual delimiter
     */
    UploadStep(Storage storage, BiFunction<ImportAction, Locale, byte[]> csvTemplate) {
        this.storage = storage;
        setPadding(false);

        template.setHref(download(() -> csvTemplate.apply(action, getLocale()), "gift-cards-template.csv",
                "text/csv; charset=UTF-8"), AttachmentType.DOWNLOAD);
        template.setText(getTranslation("wizard.template.csv"));
        template.setId("download-template");
        templateXlsx.setHref(download(() -> FormatLabels.templateXlsx(ImportTemplate.rows(action, getLocale()),
                        getTranslation("wizard.template.sheet")), "gift-cards-template.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), AttachmentType.DOWNLOAD);
        templateXlsx.setText(getTranslation("wizard.template.xlsx"));
        templateXlsx.setId("download-template-xlsx");

        upload.setUploadHandler(this::receive);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setAcceptedFileExtensions(".csv", ".txt", ".xlsx");
        upload.setI18n(UploadTexts.of(this));
        upload.setDropLabel(new Span(getTranslation("wizard.upload.drop-label")));
        upload.setWidth("36rem");
        upload.addClassName("gci-upload");
        upload.setId("file-upload");
        upload.addFileRejectedListener(e -> {
            upload.clearFileList();
            fireEvent(new UploadEvents.UploadFailed(this, getTranslation("wizard.upload.refused-type")));
        });

        removeFile.addClickListener(e -> fireEvent(new UploadEvents.FileRemoved(this)));
        sheet.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                fireEvent(new UploadEvents.SheetChosen(this, e.getValue()));
            }
        });
        encoding.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                fireEvent(new UploadEvents.FormatOverridden(this, Optional.of(e.getValue()), chosenDelimiter()));
            }
        });
        delimiter.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                delimiterChosen = true;
                fireEvent(new UploadEvents.FormatOverridden(this, Optional.ofNullable(encoding.getValue()),
                        Optional.of(e.getValue())));
            }
        });
        inspection.setVisible(false);
        HorizontalLayout templates = new HorizontalLayout(template, templateXlsx);
        add(new H3(getTranslation("wizard.upload.title")), upload, templates, inspection, fieldsBox);
    }

    private DownloadHandler download(java.util.function.Supplier<byte[]> content, String name, String type) {
        return event -> {
            byte[] bytes = content.get();
            event.setFileName(name);
            event.setContentType(type);
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
    }

    /** The fields a file of {@code chosen} fills, its templates and what each row does. */
    void showFields(ImportAction chosen) {
        action = chosen;
        fieldsBox.show(chosen);
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
            inUi(ui, () -> fireEvent(new UploadEvents.UploadFailed(this,
                    getTranslation("wizard.upload.failed", e.getMessage()))), () -> { });
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

    /** Shows what the file tells; the upload's own list is emptied (the file is shown here). */
    void show(StoredFile file, SniffResult result) {
        if (!showing) {
            fieldsBox.setOpened(false);   // make room for the file; the table is one click away
        }
        showing = true;
        upload.clearFileList();
        inspection.setVisible(true);
        inspection.show(file, result);
    }

    /** Back to "no file". */
    void clear() {
        showing = false;
        delimiterChosen = false;
        upload.clearFileList();
        inspection.setVisible(false);
        inspection.clear();
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

    Registration addSheetChosenListener(ComponentEventListener<UploadEvents.SheetChosen> listener) {
        return addListener(UploadEvents.SheetChosen.class, listener);
    }
}

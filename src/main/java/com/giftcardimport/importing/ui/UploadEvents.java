package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.file.StoredFile;
import com.vaadin.flow.component.ComponentEvent;
import java.nio.charset.Charset;
import java.util.Optional;

/** The events {@link UploadStep} fires for the wizard. */
final class UploadEvents {

    private UploadEvents() {
    }

    /** A file arrived and is stored. */
    static final class FileUploaded extends ComponentEvent<UploadStep> {
        private final StoredFile file;

        FileUploaded(UploadStep source, StoredFile file) {
            super(source, true);
            this.file = file;
        }

        StoredFile file() {
            return file;
        }
    }

    /** The upload failed (too large, or the connection broke); nothing was stored. */
    static final class UploadFailed extends ComponentEvent<UploadStep> {
        private final String message;

        UploadFailed(UploadStep source, String message) {
            super(source, true);
            this.message = message;
        }

        String message() {
            return message;
        }
    }

    /** The user asked to remove the uploaded file (the wizard asks before discarding it). */
    static final class FileRemoved extends ComponentEvent<UploadStep> {
        FileRemoved(UploadStep source) {
            super(source, true);
        }
    }

    /** The user chose another sheet of a workbook. */
    static final class SheetChosen extends ComponentEvent<UploadStep> {
        private final String sheet;

        SheetChosen(UploadStep source, String sheet) {
            super(source, true);
            this.sheet = sheet;
        }

        String sheet() {
            return sheet;
        }
    }

    /** The user chose an encoding or a delimiter: empty means "detect". */
    static final class FormatOverridden extends ComponentEvent<UploadStep> {
        private final Optional<Charset> encoding;
        private final Optional<Character> delimiter;

        FormatOverridden(UploadStep source, Optional<Charset> encoding, Optional<Character> delimiter) {
            super(source, true);
            this.encoding = encoding;
            this.delimiter = delimiter;
        }

        Optional<Charset> encoding() {
            return encoding;
        }

        Optional<Character> delimiter() {
            return delimiter;
        }
    }
}

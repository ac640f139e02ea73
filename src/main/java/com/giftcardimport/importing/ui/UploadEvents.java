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

    /** The user removed the uploaded file from the upload's list. */
    static final class FileRemoved extends ComponentEvent<UploadStep> {
        FileRemoved(UploadStep source) {
            super(source, true);
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

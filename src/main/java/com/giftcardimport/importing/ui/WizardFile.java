package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wizard's upload: the stored file, how it reads (as detected, or with the user's encoding and delimiter, or a
 * workbook's chosen sheet), and discarding uploads nobody will use. Knows nothing of the screen;
 * {@link ImportWizard} shows what it holds and keeps it in the draft.
 */
final class WizardFile implements UploadStep.Storage, Serializable {

    private static final Logger log = LoggerFactory.getLogger(WizardFile.class);

    private final transient FileInspection imports;
    private StoredFile file;
    private SniffResult sniff;
    private Optional<Charset> encodingOverride = Optional.empty();
    private Optional<Character> delimiterOverride = Optional.empty();
    private String sheet;

    WizardFile(FileInspection imports) {
        this.imports = imports;
    }

    @Override
    public StoredFile store(InputStream content, String fileName) {
        return imports.upload(content, fileName);
    }

    @Override
    public void discard(StoredFile stored) {
        try {
            imports.discard(stored.id());
        } catch (RuntimeException e) {
            log.debug("Upload {} not discarded now; the sweeper will remove it", stored.id(), e);
        }
    }

    /** A new upload: it replaces (and discards) the one held, and the overrides start again. */
    void replaceWith(StoredFile uploaded) {
        if (file != null && !file.id().equals(uploaded.id())) {
            discard(file);
        }
        restore(uploaded, null, null, null);
    }

    /** The upload of a draft, read as the person chose (nulls: as detected). */
    void restore(StoredFile uploaded, Charset encoding, Character delimiter, String chosenSheet) {
        file = uploaded;
        sniff = null;
        encodingOverride = Optional.ofNullable(encoding);
        delimiterOverride = Optional.ofNullable(delimiter);
        sheet = chosenSheet;
    }

    /** The user removed the file: it is discarded. */
    void remove() {
        if (file != null) {
            discard(file);
        }
        forget();
    }

    /** The file is gone (swept after a long pause): nothing is held any more. */
    void forget() {
        file = null;
        sniff = null;
        sheet = null;
    }

    void override(Optional<Charset> encoding, Optional<Character> delimiter) {
        encodingOverride = encoding;
        delimiterOverride = delimiter;
    }

    /** Another sheet of a workbook. */
    void chooseSheet(String chosen) {
        sheet = chosen;
    }

    /**
     * Reads the head of the file with the current overrides.
     *
     * @throws com.giftcardimport.importing.file.StoredFileNotFoundException the file is gone
     */
    SniffResult inspect() {
        sniff = sheet != null ? imports.inspect(file.id(), FileFormat.workbook(sheet))
                : imports.inspect(file.id(), encodingOverride, delimiterOverride);
        return sniff;
    }

    /** The encoding the person chose, or null. */
    Charset encodingOverride() {
        return encodingOverride.orElse(null);
    }

    /** The delimiter the person chose, or null. */
    Character delimiterOverride() {
        return delimiterOverride.orElse(null);
    }

    /** The sheet the person chose, or null. */
    String sheet() {
        return sheet;
    }

    StoredFile file() {
        return file;
    }

    SniffResult sniff() {
        return sniff;
    }

    boolean ready() {
        return file != null && sniff != null;
    }

    FileFormat format() {
        return sniff.detected();
    }
}

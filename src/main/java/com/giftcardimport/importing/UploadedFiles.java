package com.giftcardimport.importing;

import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.sniff.FileSniffer;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.project.ProjectId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The uploads of a project as the use cases reach them: by id, read with a format. No access check of its own. */
@Component
class UploadedFiles {

    private final FileStore files;
    private final FileSniffer sniffer;

    UploadedFiles(FileStore files, FileSniffer sniffer) {
        this.files = files;
        this.sniffer = sniffer;
    }

    /** Upload {@code fileId} of {@code project}; a missing id is a file that does not exist. */
    FileSource file(ProjectId project, String fileId) {
        if (fileId == null) {
            throw new StoredFileNotFoundException();
        }
        return files.file(project, fileId);
    }

    /** The head of the file: what it holds, read as detected, with an encoding or delimiter given overriding it. */
    SniffResult inspect(FileSource source, Optional<Charset> encoding, Optional<Character> delimiter) {
        try {
            return sniffer.sniff(source, encoding, delimiter);
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
    }

    /** The head of the file read with {@code format}. */
    SniffResult sniff(FileSource source, FileFormat format) {
        try {
            return sniffer.sniff(source, format);
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
    }
}

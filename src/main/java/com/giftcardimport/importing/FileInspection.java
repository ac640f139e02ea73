package com.giftcardimport.importing;

import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.ReceivedFile;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.job.CheckRepository;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.importing.mapping.AutoMapper;
import com.giftcardimport.importing.mapping.MappingSuggestion;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preparing an import (project admins; wizard steps 1 to 4 and the HTTP API): upload a file, inspect its head,
 * suggest a mapping, preview the first rows as the job would read and validate them, and discard an upload no longer
 * needed. A file of another project behaves exactly like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class FileInspection {

    private final CurrentTenant current;
    private final FileStore files;
    private final UploadedFiles uploads;
    private final AutoMapper autoMapper;
    private final ImportPreviewer previewer;
    private final ImportJobRepository jobs;
    private final CheckRepository checks;

    FileInspection(CurrentTenant current, FileStore files, UploadedFiles uploads, AutoMapper autoMapper,
                   ImportPreviewer previewer, ImportJobRepository jobs, CheckRepository checks) {
        this.checks = checks;
        this.current = current;
        this.files = files;
        this.uploads = uploads;
        this.autoMapper = autoMapper;
        this.previewer = previewer;
        this.jobs = jobs;
    }

    /** The catalogue of import actions (wizard step 1). */
    public List<ImportAction> actions() {
        current.enterAsMember();
        return List.of(ImportAction.values());
    }

    /**
     * Streams an upload into the current project's storage, enforcing the size limit. Runs outside any transaction:
     * it touches no table and may take long.
     *
     * @throws com.giftcardimport.importing.file.FileTooLargeException over the limit; nothing is kept
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public StoredFile upload(InputStream content, String originalName) {
        Tenant tenant = current.enterAsAdmin();
        try {
            return files.store(tenant.projectId(), originalName, content);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be stored", e);
        }
    }

    /**
     * {@link #upload}, keeping the file's head from the stream: reading the answer as a file serves the head from
     * memory, so inspecting it right after reads nothing from the storage again.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReceivedFile receive(InputStream content, String originalName) {
        Tenant tenant = current.enterAsAdmin();
        try {
            return files.receive(tenant.projectId(), originalName, content);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be stored", e);
        }
    }

    /**
     * Reads the head of an uploaded file: encoding, delimiter, header, first rows, a row estimate and file-level
     * problems. An encoding or delimiter given overrides detection.
     */
    public SniffResult inspect(String fileId, Optional<Charset> encoding, Optional<Character> delimiter) {
        Tenant tenant = current.enterAsAdmin();
        return uploads.inspect(uploads.file(tenant.projectId(), fileId), encoding, delimiter);
    }

    /** Reads the head of an uploaded file with {@code format}: a workbook's chosen sheet, or encoding and delimiter. */
    public SniffResult inspect(String fileId, FileFormat format) {
        Tenant tenant = current.enterAsAdmin();
        return uploads.sniff(uploads.file(tenant.projectId(), fileId), format);
    }

    /** Suggests a mapping for the file read with {@code format}, using the project's earlier imports. */
    public MappingSuggestion suggestMapping(String fileId, FileFormat format) {
        Tenant tenant = current.enterAsAdmin();
        SniffResult sniff = uploads.sniff(uploads.file(tenant.projectId(), fileId), format);
        return autoMapper.suggest(tenant.projectId(), sniff.headers(), sniff.sampleRows());
    }

    /** Suggests a mapping for a file whose head was just read ({@link #inspect}), using the project's imports. */
    public MappingSuggestion suggestMapping(SniffResult sniff) {
        Tenant tenant = current.enterAsAdmin();
        return autoMapper.suggest(tenant.projectId(), sniff.headers(), sniff.sampleRows());
    }

    /**
     * The first {@code rows} data rows (at most {@link ImportPreviewer#MAX_ROWS}, and fewer when they are huge)
     * with the mapping applied and every reason each would fail, checked against the current project's pools and
     * stored cards.
     */
    public ImportPreview preview(String fileId, FileFormat format, ColumnMapping mapping, int rows) {
        return preview(fileId, format, mapping, rows, ImportAction.ADD_GIFT_CARDS);
    }

    /** {@link #preview(String, FileFormat, ColumnMapping, int)} of a file for {@code action}. */
    public ImportPreview preview(String fileId, FileFormat format, ColumnMapping mapping, int rows,
                                 ImportAction action) {
        Tenant tenant = current.enterAsAdmin();
        return previewer.preview(tenant.projectId(), uploads.file(tenant.projectId(), fileId), format, mapping, rows,
                action);
    }

    /** Deletes an upload the wizard no longer needs, and its checks; a file that a job uses is kept. */
    @Transactional
    public void discard(String fileId) {
        Tenant tenant = current.enterAsAdmin();
        if (fileId != null && !jobs.isFileReferenced(tenant.projectId(), fileId)) {
            checks.deleteWizardChecksOf(tenant.projectId(), fileId);
            files.delete(tenant.projectId(), fileId);
        }
    }
}

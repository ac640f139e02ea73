package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.importing.job.ImportRunner;
import com.giftcardimport.importing.job.NewImportJob;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launching an import (project admins): creates the job, QUEUED, and starts it when a slot is free. Idempotent: the
 * same idempotency key with the same request, or the same upload launched again (a double click), answers the first
 * job as {@link LaunchOutcome.Kind#REPLAYED}. A request is the same when its file has the same content (SHA-256 taken
 * while it streamed in; the file's name does not count), format, mapping and action; the same key with another
 * request is an {@link IdempotencyConflictException}. The launcher is the current user (or API token), recorded by the
 * server.
 */
@Service
@Transactional
public class ImportLaunch {

    private final CurrentTenant current;
    private final UploadedFiles uploads;
    private final FileStore files;
    private final ImportJobRepository jobs;
    private final ImportRunner runner;

    ImportLaunch(CurrentTenant current, UploadedFiles uploads, FileStore files, ImportJobRepository jobs,
                 ImportRunner runner) {
        this.current = current;
        this.uploads = uploads;
        this.files = files;
        this.jobs = jobs;
        this.runner = runner;
    }

    /**
     * Launches the import {@code request} describes.
     *
     * @throws IdempotencyConflictException the key (or the file) was already launched with a different request
     * @throws ImportRefusedException       the file has file-level problems or the mapping is incomplete; no job
     * @throws com.giftcardimport.importing.file.StoredFileNotFoundException no such upload in this project
     */
    public LaunchOutcome launch(LaunchRequest request) {
        return launch(request, null);
    }

    /**
     * {@link #launch(LaunchRequest)} with the file's head as the caller has just read it with {@code request.format()}
     * (the inspection of an upload that streamed in), so that it is not read again; {@code null}, or a result read
     * with another format, reads it again.
     */
    public LaunchOutcome launch(LaunchRequest request, SniffResult read) {
        Tenant tenant = current.enterAsAdmin();
        ProjectId project = tenant.projectId();
        String key = idempotencyKey(request.idempotencyKey());
        String fileId = request.file().id();
        FileSource source = uploads.file(project, fileId);
        long size = sizeOf(source);
        String name = FileStore.sanitiseName(request.file().originalName());
        String fingerprint = fingerprint(request, size);
        Optional<ImportJobId> earlier = earlierLaunch(project, key, fileId, fingerprint);
        if (earlier.isPresent()) {
            return LaunchOutcome.replayed(earlier.get());
        }
        SniffResult sniff = read != null && read.detected().equals(request.format())
                ? read : uploads.sniff(source, request.format());
        refuseUnless(sniff.problems());
        List<Text> mappingProblems = request.mapping().problemTextsWith(sniff.headers(), request.action());
        if (!mappingProblems.isEmpty()) {
            throw ImportRefusedException.because(mappingProblems);
        }
        NewImportJob job = new NewImportJob(project, request.action(), name, fileId, size, request.format(),
                sniff.headers(), request.mapping(), sniff.estimatedRows(), tenant.userId(), tenant.actorLabel(), key,
                fingerprint);
        Optional<ImportJobId> created = jobs.insert(job);
        if (created.isEmpty()) {
            // a concurrent launch with the same key or file won the race
            return LaunchOutcome.replayed(earlierLaunch(project, key, fileId, fingerprint)
                    .orElseThrow(() -> new IllegalStateException("The import could not be created")));
        }
        runner.dispatch();
        return LaunchOutcome.created(created.get());
    }

    private static void refuseUnless(List<Text> problems) {
        if (!problems.isEmpty()) {
            throw ImportRefusedException.because(problems);
        }
    }

    private static long sizeOf(FileSource source) {
        try {
            return source.size();
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
    }

    private static String idempotencyKey(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String key = raw.strip();
        if (key.length() > LaunchRequest.MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException("The idempotency key is longer than "
                    + LaunchRequest.MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        return key;
    }

    /** The job an earlier launch made for the same key or the same file; a conflict when the request differs. */
    private Optional<ImportJobId> earlierLaunch(ProjectId project, String key, String fileId, String fingerprint) {
        if (key != null) {
            Optional<ImportJobRepository.Existing> byKey = jobs.findByIdempotencyKey(project, key);
            if (byKey.isPresent()) {
                ImportJobRepository.Existing existing = byKey.get();
                if (!existing.fingerprint().equals(fingerprint)) {
                    throw new IdempotencyConflictException(existing.id());
                }
                if (!existing.storedFileId().equals(fileId) && !jobs.isFileReferenced(project, fileId)) {
                    files.delete(project, fileId);   // a retry uploaded the same file again: keep no stray copy
                }
                return Optional.of(existing.id());
            }
        }
        Optional<ImportJobRepository.Existing> byFile = jobs.findByStoredFile(project, fileId);
        if (byFile.isPresent()) {
            if (!byFile.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyConflictException(byFile.get().id());
            }
            return Optional.of(byFile.get().id());
        }
        return Optional.empty();
    }

    /** What makes two launches the same request: the file's content (not its name), its format and mapping. */
    private static String fingerprint(LaunchRequest request, long size) {
        String sha256 = request.file().sha256();
        if (sha256 == null) {
            throw new IllegalArgumentException("A launch needs the upload's content hash, as the upload answered it");
        }
        String text = String.join("\u0000", request.action().name(), sha256, Long.toString(size),
                request.format().encoding().name(), String.valueOf(request.format().delimiter()),
                request.mapping().fieldByColumn().stream().map(f -> f.map(Enum::name).orElse("-")).toList()
                        .toString());
        if (request.format().isWorkbook()) {
            text += "\u0000sheet\u0000" + request.format().sheet();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

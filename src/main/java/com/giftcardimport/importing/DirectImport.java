package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.file.ReceivedFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.security.CurrentTenant;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An import in one call, for scripts (project admins and API tokens): the file, received with
 * {@link FileInspection#receive} while the request streamed in, is inspected from the head kept on the way, mapped
 * (the mapping given, or auto-mapping) and launched with that same inspection, so its head is read once. A request
 * that cannot be launched is refused and leaves no job and no file behind. Runs outside any transaction: each step is
 * a use case with its own.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class DirectImport {

    /**
     * What to import.
     *
     * @param upload         the file, as {@link FileInspection#receive} answered it
     * @param encoding       overrides the detected encoding
     * @param delimiter      overrides the detected delimiter
     * @param mapping        the columns to import by name; auto-mapping when empty
     * @param idempotencyKey see {@link LaunchRequest#idempotencyKey()}
     * @param action         what the import does; {@link ImportAction#ADD_GIFT_CARDS} when null
     */
    public record Request(ReceivedFile upload, Optional<Charset> encoding, Optional<Character> delimiter,
                          Optional<NamedColumnMapping> mapping, String idempotencyKey, ImportAction action) {

        public Request {
            if (action == null) {
                action = ImportAction.ADD_GIFT_CARDS;
            }
        }
    }

    /**
     * What came of it.
     *
     * @param launch   the import created, or the earlier one replayed
     * @param warnings what the inspection of the file says the caller should know (e.g. bytes that are not valid
     *                 UTF-8 and the encoding chosen instead), said in the reader's language
     */
    public record Outcome(LaunchOutcome launch, List<Text> warnings) {
    }

    private final CurrentTenant current;
    private final UploadedFiles uploads;
    private final FileInspection inspection;
    private final ImportLaunch launch;
    private final ImportChecks checks;

    DirectImport(CurrentTenant current, UploadedFiles uploads, FileInspection inspection,
                 ImportLaunch launch, ImportChecks checks) {
        this.checks = checks;
        this.current = current;
        this.uploads = uploads;
        this.inspection = inspection;
        this.launch = launch;
    }

    /**
     * Imports the file: {@link LaunchOutcome.Kind#CREATED} for a new import, {@link LaunchOutcome.Kind#REPLAYED}
     * when an earlier request with the same idempotency key (or the same upload) created it. On any failure the
     * upload is discarded.
     *
     * @throws ImportRefusedException       the file is not usable text, or the mapping is incomplete; nothing kept
     * @throws IdempotencyConflictException the key was used for a different request
     */
    public Outcome importFile(Request request) {
        current.enterAsAdmin();
        try {
            SniffResult sniff = inspect(request);
            return new Outcome(launch.launch(new LaunchRequest(request.upload().file(), sniff.detected(),
                    mapping(request, sniff), request.idempotencyKey(), request.action()), sniff), sniff.warnings());
        } catch (RuntimeException e) {
            inspection.discard(request.upload().file().id());
            throw e;
        }
    }

    /**
     * What came of a dry run: the whole-file check of the file.
     *
     * @param check    the check, ended
     * @param warnings as {@link Outcome#warnings()}
     */
    public record DryRun(CheckSummary check, List<Text> warnings) {
    }

    /**
     * Checks every row of the file as {@link #importFile} would import it, and imports nothing (SPEC 11): the check
     * runs to its end before this answers. The upload is deleted afterwards; the check (its summary and failed rows)
     * stays readable by its id until the check sweep. The idempotency key plays no part.
     *
     * @throws ImportRefusedException the file is not usable text, or the mapping is incomplete; nothing kept
     */
    public DryRun dryRun(Request request) {
        current.enterAsAdmin();
        try {
            SniffResult sniff = inspect(request);
            CheckSummary started = checks.startDryRun(request.upload().file(), sniff.detected(),
                    mapping(request, sniff), request.action(), sniff);
            return new DryRun(checks.awaitEnd(started.id()), sniff.warnings());
        } finally {
            inspection.discard(request.upload().file().id());
        }
    }

    private SniffResult inspect(Request request) {
        SniffResult sniff = uploads.inspect(request.upload(), request.encoding(), request.delimiter());
        if (!sniff.ok()) {
            throw ImportRefusedException.because(sniff.problems());
        }
        return sniff;
    }

    private ColumnMapping mapping(Request request, SniffResult sniff) {
        return request.mapping().isPresent()
                ? request.mapping().get().resolve(sniff.headers())
                : inspection.suggestMapping(sniff).mapping().restrictedTo(request.action());
    }
}

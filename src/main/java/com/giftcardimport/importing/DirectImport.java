package com.giftcardimport.importing;

import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import com.giftcardimport.security.CurrentTenant;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An import in one call, for scripts (project admins and API tokens): upload, inspect, map (the mapping given, or
 * auto-mapping) and launch. A request that cannot be launched is refused and leaves no job and no file behind. Runs
 * outside any transaction: each step is a use case with its own ({@link FileInspection}, {@link ImportLaunch}).
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class DirectImport {

    /**
     * What to import.
     *
     * @param content        the file; read to its end, not closed
     * @param originalName   the file's name on the caller's side
     * @param encoding       overrides the detected encoding
     * @param delimiter      overrides the detected delimiter
     * @param mapping        the columns to import by name; auto-mapping when empty
     * @param idempotencyKey see {@link LaunchRequest#idempotencyKey()}
     * @param action         what the import does; {@link ImportAction#ADD_GIFT_CARDS} when null
     */
    public record Request(InputStream content, String originalName, Optional<Charset> encoding,
                          Optional<Character> delimiter, Optional<NamedColumnMapping> mapping,
                          String idempotencyKey, ImportAction action) {

        public Request {
            if (action == null) {
                action = ImportAction.ADD_GIFT_CARDS;
            }
        }

        public Request(InputStream content, String originalName, Optional<Charset> encoding,
                       Optional<Character> delimiter, Optional<NamedColumnMapping> mapping, String idempotencyKey) {
            this(content, originalName, encoding, delimiter, mapping, idempotencyKey, ImportAction.ADD_GIFT_CARDS);
        }
    }

    private final CurrentTenant current;
    private final FileInspection inspection;
    private final ImportLaunch launch;

    DirectImport(CurrentTenant current, FileInspection inspection, ImportLaunch launch) {
        this.current = current;
        this.inspection = inspection;
        this.launch = launch;
    }

    /**
     * Imports the file: {@link LaunchOutcome.Kind#CREATED} for a new import, {@link LaunchOutcome.Kind#REPLAYED}
     * when an earlier request with the same idempotency key (or the same upload) created it.
     *
     * @throws ImportRefusedException       the file is not usable text, or the mapping is incomplete; nothing kept
     * @throws IdempotencyConflictException the key was used for a different request
     */
    public LaunchOutcome importFile(Request request) {
        current.enterAsAdmin();
        StoredFile stored = inspection.upload(request.content(), request.originalName());
        try {
            SniffResult sniff = inspection.inspect(stored.id(), request.encoding(), request.delimiter());
            if (!sniff.ok()) {
                throw new ImportRefusedException(sniff.problems());
            }
            FileFormat format = sniff.detected();
            ColumnMapping columns = request.mapping().isPresent()
                    ? request.mapping().get().resolve(sniff.headers())
                    : inspection.suggestMapping(stored.id(), format).mapping().restrictedTo(request.action());
            return launch.launch(new LaunchRequest(stored, format, columns, request.idempotencyKey(),
                    request.action()));
        } catch (RuntimeException e) {
            inspection.discard(stored.id());
            throw e;
        }
    }
}

package com.giftcardimport.importing.file;

import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * An uploaded file kept by {@link FileStore}.
 *
 * @param id           the generated name of the file (a random UUID); the only handle to it
 * @param projectId    the project the file belongs to; files of another project cannot be reached with this id
 * @param originalName the name the file had on the user's computer, sanitised; metadata only, never a path
 * @param size         bytes stored
 * @param sha256       the SHA-256 of the bytes stored, in lower-case hex, taken while they streamed in: what an
 *                     idempotency key is matched by
 * @param storedAt     when the upload finished
 */
@NamedInterface("uploads")
public record StoredFile(String id, ProjectId projectId, String originalName, long size, String sha256,
                         Instant storedAt) {
}

package com.giftcardimport.importing;

import com.giftcardimport.importing.file.StoredFile;

/**
 * What a launch asks for. Who launches is never part of it: the server takes it from the authenticated user.
 *
 * @param file           the upload, as {@link FileInspection#upload} returned it; only its id and original name
 *                       are used, and the id must name a file of the current project
 * @param format         encoding and delimiter to read the file with (as detected or overridden)
 * @param mapping        which field each column fills; must have no {@link ColumnMapping#problems()}
 * @param idempotencyKey optional, up to 200 characters: launching again with the same key and the same request
 *                       returns the same job; with a different request it is refused
 * @param action         what the import does (the catalogue has one action today)
 */
public record LaunchRequest(StoredFile file, FileFormat format, ColumnMapping mapping, String idempotencyKey,
                            ImportAction action) {

    /** The longest idempotency key, in characters. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    public LaunchRequest {
        if (file == null || format == null || mapping == null) {
            throw new IllegalArgumentException("A launch needs a file, a format and a mapping");
        }
        if (action == null) {
            action = ImportAction.ADD_GIFT_CARDS;
        }
    }

    public LaunchRequest(StoredFile file, FileFormat format, ColumnMapping mapping, String idempotencyKey) {
        this(file, format, mapping, idempotencyKey, ImportAction.ADD_GIFT_CARDS);
    }
}

package com.giftcardimport.api;

import java.time.Instant;

/**
 * An API token of a project as people see it: never the secret, only its public prefix.
 *
 * @param prefix     the first characters of the secret, to recognise the token (e.g. {@code gci_Xa3k9PqZ})
 * @param createdBy  the display name of the admin who created it; the token acts on their behalf
 * @param lastUsedAt when a request last authenticated with it (to the minute), or null
 * @param revokedAt  when it was revoked, or null while it works
 */
public record ApiToken(ApiTokenId id, String name, String prefix, String createdBy, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

package com.giftcardimport.security;

import java.time.Instant;

/** A person who can log in, as listed on the Administration screen (no password hash). */
public record UserAccount(UserId id, String username, String displayName, boolean platformAdmin, boolean enabled,
                          Instant createdAt) {
}

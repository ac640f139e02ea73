package com.giftcardimport.importing;

import com.giftcardimport.security.UserId;

/**
 * A person who launched at least one of the imports a list shows: a choice of the "launched by" filter.
 *
 * @param name the person's display name
 */
public record LaunchedBy(UserId userId, String name) {
}

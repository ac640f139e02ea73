package com.giftcardimport.importing.validate;

import java.time.Clock;
import java.time.Instant;

/**
 * When a card was bought, in UTC, not in the future. Accepted: ISO-8601 date-time ({@code Z} or an offset is
 * converted to UTC, none means UTC), ISO date, {@code yyyy-MM-dd HH:mm[:ss]}, {@code dd.MM.yyyy[ HH:mm[:ss]]}.
 * Impossible dates ({@code 2025-02-30}) are refused.
 */
public record PurchaseDate(Instant value) {

    public static PurchaseDate parse(String raw, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }
}

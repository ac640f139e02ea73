package com.giftcardimport.importing.validate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row that passed every rule of this half, ready to load. Uniqueness of the card number is checked by the loader
 * in SQL.
 *
 * @param rowNumber      the spreadsheet row number
 * @param cardNumber     trimmed, 1–64 letters, digits or {@code -}
 * @param poolId         the pool of the importing project
 * @param cvv            the plain CVV (3 or 4 digits) or null; the loader encrypts it. Never log it:
 *                       {@link #toString()} masks it
 * @param balance        scale 2, non-negative
 * @param pointOfContact trimmed, at most 255 characters, or null when empty
 * @param purchasedAt    or null
 * @param expiresAt      purchase + the pool's validity, or null
 * @param status         CAN_BE_USED, INACTIVE or BLOCKED
 */
public record ValidCard(long rowNumber, String cardNumber, long poolId, String cvv, BigDecimal balance,
                        String pointOfContact, Instant purchasedAt, Instant expiresAt, String status)
        implements RowOutcome {

    @Override
    public String toString() {
        return "ValidCard[rowNumber=" + rowNumber + ", cardNumber=" + cardNumber + ", poolId=" + poolId
                + ", cvv=" + (cvv == null ? "null" : "***") + ", balance=" + balance + ", pointOfContact="
                + pointOfContact + ", purchasedAt=" + purchasedAt + ", expiresAt=" + expiresAt + ", status="
                + status + "]";
    }
}

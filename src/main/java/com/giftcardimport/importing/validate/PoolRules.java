package com.giftcardimport.importing.validate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What a pool demands of the cards imported into it.
 *
 * @param poolId         the pool's id
 * @param systemName     the pool's system name, as files name it
 * @param faceValue      the face value of a FIXED pool, null for an ARBITRARY pool
 * @param cvvRequired    whether the pool has CVV transfer: every card needs a CVV
 * @param validityUnit   the unit of the validity period, null when cards of the pool do not expire
 * @param validityAmount the length of the validity period, 0 when none
 */
public record PoolRules(long poolId, String systemName, BigDecimal faceValue, boolean cvvRequired,
                        ValidityUnit validityUnit, int validityAmount) {

    public PoolRules {
        if ((validityUnit == null) != (validityAmount == 0) || validityAmount < 0) {
            throw new IllegalArgumentException("A validity period needs both a unit and a positive amount");
        }
    }

    public static PoolRules arbitrary(long poolId, String systemName, boolean cvvRequired) {
        return new PoolRules(poolId, systemName, null, cvvRequired, null, 0);
    }

    public static PoolRules fixed(long poolId, String systemName, BigDecimal faceValue, boolean cvvRequired) {
        return new PoolRules(poolId, systemName, faceValue, cvvRequired, null, 0);
    }

    /** The same pool with a validity period. */
    public PoolRules withValidity(ValidityUnit unit, int amount) {
        return new PoolRules(poolId, systemName, faceValue, cvvRequired, unit, amount);
    }

    public boolean fixedValue() {
        return faceValue != null;
    }

    /** The expiry of a card bought at {@code purchasedAt}: purchase + period in UTC; null without either. */
    public Instant expiryFor(Instant purchasedAt) {
        if (purchasedAt == null || validityUnit == null) {
            return null;
        }
        return switch (validityUnit) {
            case DAYS -> purchasedAt.atOffset(ZoneOffset.UTC).plusDays(validityAmount).toInstant();
            case MONTHS -> purchasedAt.atOffset(ZoneOffset.UTC).plusMonths(validityAmount).toInstant();
        };
    }
}

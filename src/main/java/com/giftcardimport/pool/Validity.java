package com.giftcardimport.pool;

import com.giftcardimport.i18n.TextException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How long a pool's cards stay valid (SPEC §2): {@link None} or a fixed {@link Period} of days or months counted
 * from the card's purchase date.
 */
public sealed interface Validity {

    Validity NONE = new None();

    static Validity none() {
        return NONE;
    }

    static Validity of(int amount, ValidityUnit unit) {
        return new Period(amount, unit);
    }

    static Validity days(int amount) {
        return new Period(amount, ValidityUnit.DAYS);
    }

    static Validity months(int amount) {
        return new Period(amount, ValidityUnit.MONTHS);
    }

    /**
     * The expiry of a card bought at {@code purchasedAt}: empty without a period, or without a purchase date
     * (the expiry is then set when the card is sold). Months are added on the UTC calendar, clamped to the end of
     * a shorter month (31 January + 1 month = 28 or 29 February).
     */
    Optional<Instant> expiryFrom(Instant purchasedAt);

    /** "No expiry", "90 days", "12 months". */
    String label();

    /** No expiry. */
    record None() implements Validity {
        @Override
        public Optional<Instant> expiryFrom(Instant purchasedAt) {
            return Optional.empty();
        }

        @Override
        public String label() {
            return "No expiry";
        }
    }

    /** A positive number of days or months, at most 100 years. */
    record Period(int amount, ValidityUnit unit) implements Validity {

        public Period {
            if (unit == null) {
                throw new TextException("pool.error.validity.unit");
            }
            if (amount <= 0) {
                throw new TextException("pool.error.validity.positive." + unit.name());
            }
            if (amount > unit.max()) {
                throw new TextException("pool.error.validity.max." + unit.name(), unit.max());
            }
        }

        @Override
        public Optional<Instant> expiryFrom(Instant purchasedAt) {
            if (purchasedAt == null) {
                return Optional.empty();
            }
            var utc = purchasedAt.atOffset(ZoneOffset.UTC);
            return Optional.of((unit == ValidityUnit.DAYS ? utc.plusDays(amount) : utc.plusMonths(amount)).toInstant());
        }

        @Override
        public String label() {
            return amount + " " + unit.label();
        }
    }
}

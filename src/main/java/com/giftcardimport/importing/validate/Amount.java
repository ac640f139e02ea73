package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_AMBIGUOUS;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_INVALID;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_MISSING;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_NEGATIVE;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_TOO_LARGE;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_TOO_LONG;
import static com.giftcardimport.importing.RowErrorCodes.BALANCE_TOO_MANY_DECIMALS;

import java.math.BigDecimal;

/**
 * A non-negative amount with at most 2 decimals, kept with scale 2 (it fits {@code numeric(19,2)}: at most 17
 * digits before the decimal mark). Written with {@code .} or {@code ,} as the decimal mark and spaces (also
 * no-break and thin spaces) between groups of three digits: {@code 1000}, {@code 1000.5}, {@code 1 000,50}.
 * A value holding both marks ({@code 1,000.50}) or one mark twice ({@code 1.000.000}) is refused as ambiguous:
 * the file must not make us guess which is the decimal mark.
 */
public record Amount(BigDecimal value) {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_INTEGER_DIGITS = 17;

    public Amount {
        if (value == null || value.signum() < 0 || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("An amount is non-negative with at most 2 decimals");
        }
        value = value.setScale(2);
    }

    /** Parses a balance as a file writes it (see the class comment); the value is trimmed first. */
    public static Amount parse(String raw) {
        Reading reading = new Reading(trimmed(raw));
        reading.countDecimalMarks();
        reading.checkOneDecimalMark();
        reading.readIntegerPart();
        reading.readFraction();
        reading.checkDigitsAndDecimals();
        return reading.amount();
    }

    /** Size first: empty, then too long to be an amount. */
    private static String trimmed(String raw) {
        String s = CellText.strip(raw);
        if (s.isEmpty()) {
            throw new InvalidValueException(BALANCE_MISSING, Text.of("rowError.balance.missing"));
        }
        if (s.length() > MAX_LENGTH) {
            throw new InvalidValueException(BALANCE_TOO_LONG, Text.of("rowError.balance.tooLong",
                    CellText.cut(s), s.length()));
        }
        return s;
    }

    /** One parse, step by step: characters, then the decimal mark, then the digits on each side of it. */
    private static final class Reading {

        private final String s;
        private final int n;
        private final boolean negative;
        private final int start;
        private int commas;
        private int dots;
        private int mark;
        private long unscaled;
        private int integerDigits;
        private int significantDigits;
        private boolean grouped;
        private int decimals;

        Reading(String s) {
            this.s = s;
            this.n = s.length();
            this.negative = s.charAt(0) == '-';
            this.start = negative ? 1 : 0;
        }

        /** Only digits, decimal marks and group separators; counts the marks. */
        void countDecimalMarks() {
            for (int i = start; i < n; i++) {
                char c = s.charAt(i);
                if (c == ',') {
                    commas++;
                } else if (c == '.') {
                    dots++;
                } else if (!(c >= '0' && c <= '9') && !isGroupSeparator(c)) {
                    throw new InvalidValueException(BALANCE_INVALID, Text.of("rowError.balance.character",
                            CellText.cut(s), CellText.symbol(s.codePointAt(i))));
                }
            }
        }

        /** At most one mark, of one kind: anything else would make us guess which is the decimal mark. */
        void checkOneDecimalMark() {
            if (commas > 0 && dots > 0) {
                throw new InvalidValueException(BALANCE_AMBIGUOUS, Text.of("rowError.balance.bothMarks",
                        CellText.cut(s)));
            }
            if (commas > 1 || dots > 1) {
                char twice = commas > 1 ? ',' : '.';
                throw new InvalidValueException(BALANCE_AMBIGUOUS, Text.of("rowError.balance.markTwice",
                        CellText.cut(s), twice));
            }
            mark = commas + dots == 0 ? n : Math.max(s.indexOf(','), s.indexOf('.'));
        }

        /** Digits before the mark, optionally in groups of three separated by one space. */
        void readIntegerPart() {
            int groupLength = 0;
            for (int i = start; i < mark; i++) {
                char c = s.charAt(i);
                if (isGroupSeparator(c)) {
                    if (groupLength == 0 || (grouped && groupLength != 3) || (!grouped && groupLength > 3)) {
                        throw badGrouping(s);
                    }
                    grouped = true;
                    groupLength = 0;
                    continue;
                }
                groupLength++;
                integerDigits++;
                int digit = c - '0';
                if (significantDigits > 0 || digit != 0) {
                    significantDigits++;
                }
                if (significantDigits > MAX_INTEGER_DIGITS) {
                    throw new InvalidValueException(BALANCE_TOO_LARGE, Text.of("rowError.balance.tooLarge",
                            CellText.cut(s), MAX_INTEGER_DIGITS));
                }
                unscaled = unscaled * 10 + digit;
            }
            if (grouped && groupLength != 3) {
                throw badGrouping(s);
            }
        }

        /** Digits after the mark, no separators; only the first two count towards the value. */
        void readFraction() {
            for (int i = mark + 1; i < n; i++) {
                char c = s.charAt(i);
                if (isGroupSeparator(c)) {
                    throw new InvalidValueException(BALANCE_INVALID, Text.of("rowError.balance.spaceInDecimals",
                            CellText.cut(s)));
                }
                decimals++;
                if (decimals <= 2) {
                    unscaled = unscaled * 10 + (c - '0');
                }
            }
        }

        void checkDigitsAndDecimals() {
            if (integerDigits == 0 && decimals == 0) {
                throw new InvalidValueException(BALANCE_INVALID, Text.of("rowError.balance.noDigits", CellText.cut(s)));
            }
            if (decimals > 2) {
                boolean thousands = decimals == 3 && commas + dots == 1 && !grouped && integerDigits <= 3;
                throw new InvalidValueException(BALANCE_TOO_MANY_DECIMALS, thousands
                        ? Text.of("rowError.balance.threeDecimals", CellText.cut(s), s.charAt(mark))
                        : Text.of("rowError.balance.tooManyDecimals", CellText.cut(s), decimals));
            }
        }

        /** The value with scale 2; a negative non-zero amount is refused. */
        Amount amount() {
            for (int i = decimals; i < 2; i++) {
                unscaled *= 10;
            }
            if (negative && unscaled != 0) {
                throw new InvalidValueException(BALANCE_NEGATIVE,
                        Text.of("rowError.balance.negative", CellText.cut(s)));
            }
            if (significantDigits >= 17) {
                return new Amount(new BigDecimal(exactDigits()));   // beyond what a long holds with two decimals
            }
            return new Amount(BigDecimal.valueOf(unscaled, 2));
        }

        private String exactDigits() {
            StringBuilder digits = new StringBuilder(n);
            for (int i = start; i < n; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits.append(c);
                } else if (c == ',' || c == '.') {
                    digits.append('.');
                }
            }
            return digits.toString();
        }
    }

    private static InvalidValueException badGrouping(String s) {
        return new InvalidValueException(BALANCE_INVALID, Text.of("rowError.balance.badGroups", CellText.cut(s)));
    }

    private static boolean isGroupSeparator(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\u2007';
    }

    /** Equal as numbers: {@code 1000} = {@code 1000.0} = {@code 1000,00}. */
    public boolean sameAs(BigDecimal other) {
        return other != null && value.compareTo(other) == 0;
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

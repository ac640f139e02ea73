package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.CARD_NUMBER_INVALID_CHARACTERS;
import static com.giftcardimport.importing.RowErrorCodes.CARD_NUMBER_MISSING;
import static com.giftcardimport.importing.RowErrorCodes.CARD_NUMBER_SCIENTIFIC_NOTATION;
import static com.giftcardimport.importing.RowErrorCodes.CARD_NUMBER_TOO_LONG;

/**
 * A card number: 1–64 letters (A–Z, a–z), digits or {@code -}, trimmed. A value a spreadsheet turned into
 * scientific notation ({@code 7.003E+15}) is recognised and explained.
 */
public record CardNumber(String value) {

    public static final int MAX_LENGTH = 64;

    public CardNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(CARD_NUMBER_MISSING, Text.of("rowError.cardNumber.missing"));
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(CARD_NUMBER_TOO_LONG, Text.of("rowError.cardNumber.tooLong",
                    CellText.cut(value), value.length(), MAX_LENGTH));
        }
        int bad = firstInvalid(value);
        if (bad >= 0) {
            if (isScientificNotation(value)) {
                throw new InvalidValueException(CARD_NUMBER_SCIENTIFIC_NOTATION,
                        Text.of("rowError.cardNumber.scientific", CellText.cut(value)));
            }
            throw new InvalidValueException(CARD_NUMBER_INVALID_CHARACTERS, Text.of(
                    "rowError.cardNumber.character", CellText.cut(value), CellText.symbol(value.codePointAt(bad))));
        }
    }

    /** Trims {@code raw} and validates it. */
    public static CardNumber parse(String raw) {
        return new CardNumber(CellText.strip(raw));
    }

    private static int firstInvalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) {
                return i;
            }
        }
        return -1;
    }

    /** {@code digits[(.|,)digits](E|e)(+|-)digits}: what a spreadsheet shows for a long number. */
    static boolean isScientificNotation(String value) {
        int i = 0;
        int n = value.length();
        int start = i;
        while (i < n && isAsciiDigit(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        if (i < n && (value.charAt(i) == '.' || value.charAt(i) == ',')) {
            i++;
            int fraction = i;
            while (i < n && isAsciiDigit(value.charAt(i))) {
                i++;
            }
            if (i == fraction) {
                return false;
            }
        }
        if (i >= n || (value.charAt(i) != 'E' && value.charAt(i) != 'e')) {
            return false;
        }
        i++;
        if (i >= n || (value.charAt(i) != '+' && value.charAt(i) != '-')) {
            return false;
        }
        i++;
        int exponent = i;
        while (i < n && isAsciiDigit(value.charAt(i))) {
            i++;
        }
        return i > exponent && i == n;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.giftcardimport.importing.validate;

import com.giftcardimport.base.Blank;

/**
 * The text of a cell as the validator reads and quotes it: blanks stripped (no-break and thin spaces too), values
 * quoted and cut short inside messages so that a message stays readable whatever the file holds.
 */
final class CellText {

    static final int MAX = 40;

    private CellText() {
    }

    static String cut(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= MAX) {
            return value;
        }
        int end = MAX;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    /** A character for a message in any language: itself when it can be seen, else its code ({@code U+00A0}). */
    static String symbol(int codePoint) {
        boolean visible = !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)
                && !Character.isSpaceChar(codePoint) && Character.getType(codePoint) != Character.FORMAT
                && codePoint != '\ufffd';
        return visible ? new String(Character.toChars(codePoint)) : String.format("U+%04X", codePoint);
    }

    /** Strips blanks ({@link Blank}: whitespace, every kind of space) from both ends. */
    static String strip(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && Blank.isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && Blank.isBlank(raw.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
    }

}

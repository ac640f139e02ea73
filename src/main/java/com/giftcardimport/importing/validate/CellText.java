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

    /** {@code 'value'}, cut to {@value #MAX} characters with an ellipsis. */
    static String quoted(String value) {
        return "'" + cut(value) + "'";
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

    /** A character named for people: "a space", "'#'", "a tab", "U+0007". */
    static String character(int codePoint) {
        return switch (codePoint) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\u00a0' -> "a no-break space";
            case '\n', '\r' -> "a line break";
            case '\ufffd' -> "'\ufffd' (bytes that are not text in the file's encoding)";
            default -> Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT
                    ? String.format("the invisible character U+%04X", codePoint)
                    : "'" + new String(Character.toChars(codePoint)) + "'";
        };
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

package com.giftcardimport.base;

/**
 * What counts as blank in a value people typed or exported: whitespace and every Unicode space (no-break, narrow
 * no-break, figure, thin, ideographic…) and the byte order mark. The one home of that rule: the reader's blank rows,
 * the validator's trimming and the CVV mask all ask here.
 */
public final class Blank {

    private Blank() {
    }

    public static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\ufeff';
    }

    /** Whether {@code value} is null or holds only blank characters. */
    public static boolean isBlank(CharSequence value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isBlank(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

package com.giftcardimport.card;

/**
 * How a CVV may be shown anywhere (previews, row errors, error reports): never any digit of it. A value with
 * something in it, valid or not, shows as {@value #MASK}; an empty or blank cell (only spaces, tabs or no-break
 * spaces) shows as empty, because there is nothing to hide and a mask would claim a CVV was given. The row
 * validator treats such a cell as "no CVV" too.
 */
public final class CvvMask {

    public static final String MASK = "***";

    private CvvMask() {
    }

    /** {@value #MASK} for a value with anything but blanks in it, else the empty string. */
    public static String of(String raw) {
        if (raw == null) {
            return "";
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isBlank(raw.charAt(i))) {
                return MASK;
            }
        }
        return "";
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\ufeff';
    }
}

package com.giftcardimport.card;

import com.giftcardimport.base.Blank;

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
        return Blank.isBlank(raw) ? "" : MASK;
    }
}

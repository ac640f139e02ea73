package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;

/**
 * A value broke its rule. Carries a stable code ({@link com.giftcardimport.importing.RowErrorCodes}) and a
 * message for people naming the value (masked for a CVV) and the rule, as a {@link Text} said in the reader's
 * language (the exception's own message is its English). Without a stack trace: it is an expected outcome of
 * validating user data, not a bug, and files may hold millions of bad values.
 */
public final class InvalidValueException extends RuntimeException {

    private final String code;
    private final transient Text text;

    public InvalidValueException(String code, Text text) {
        super(text.english(), null, false, false);
        this.code = code;
        this.text = text;
    }

    /** A message in English only (kept for callers that have no key yet). */
    public InvalidValueException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.text = null;
    }

    public String code() {
        return code;
    }

    /** The message as a key and arguments, or {@code null} when it was made in English only. */
    public Text text() {
        return text;
    }
}

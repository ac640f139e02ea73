package com.giftcardimport.importing.validate;

/**
 * A value broke its rule. Carries a stable code ({@link com.giftcardimport.importing.RowErrorCodes}) and a
 * message for people naming the value (masked for a CVV) and the rule. Without a stack trace: it is an expected
 * outcome of validating user data, not a bug, and files may hold millions of bad values.
 */
public final class InvalidValueException extends RuntimeException {

    private final String code;

    public InvalidValueException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

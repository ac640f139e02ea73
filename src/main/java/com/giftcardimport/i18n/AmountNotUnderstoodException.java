package com.giftcardimport.i18n;

import java.io.Serial;
import java.util.Arrays;

/**
 * Typed text that is not an amount, or not one without guessing: the reason is a message key of the texts bundle
 * ({@code amount.*}) with its arguments, the text typed being the first, so that a form says it in the user's
 * language.
 */
public class AmountNotUnderstoodException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] arguments;

    public AmountNotUnderstoodException(String key, Object... arguments) {
        super(key + " " + Arrays.toString(arguments));
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** The message key, e.g. {@code amount.badGroups}. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

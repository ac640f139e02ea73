package com.giftcardimport.i18n;

import java.io.Serial;

/**
 * Input a value object refuses, with the reason as a {@link Text} said in the reader's language; its message is
 * the English. Thrown where an {@link IllegalArgumentException} is expected, so callers that only log or show the
 * English keep working.
 */
public class TextException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Text text;

    public TextException(Text text) {
        super(text.english());
        this.text = text;
    }

    public TextException(String key, Object... arguments) {
        this(Text.of(key, arguments));
    }

    public Text text() {
        return text;
    }
}

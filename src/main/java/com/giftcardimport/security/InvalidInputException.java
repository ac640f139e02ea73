package com.giftcardimport.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Administration input that breaks a rule, as field → message, so that a form shows each message beside its field.
 * The security module's own form of {@code base.ValidationException}, which it cannot use: {@code base} depends on
 * {@code security}.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final transient Map<String, String> errors;

    InvalidInputException(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Field → message, in the order they were found. */
    public Map<String, String> errors() {
        return errors;
    }

    /** Throws the messages collected in {@code errors}, if any. */
    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}

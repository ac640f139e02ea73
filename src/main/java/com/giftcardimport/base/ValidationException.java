package com.giftcardimport.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Input that breaks a rule, as field → message, so that a form can show each message next to its field and
 * an API can return them as a list. Field names are the names of the input record's components
 * (e.g. {@code systemName}). The exception message joins every message, for logs and notifications.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public ValidationException(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one message");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** A failure of one field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    /** Field → message, one message per field, in the order they were found. */
    public Map<String, String> errors() {
        return errors;
    }

    /** Collects the messages of several fields, then throws them together. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        /**
         * Builds a value object; when its constructor refuses the input with an {@link IllegalArgumentException},
         * records the message for {@code field} and returns {@code null}.
         */
        public <T> T check(String field, Supplier<T> factory) {
            try {
                return factory.get();
            } catch (IllegalArgumentException e) {
                add(field, e.getMessage());
                return null;
            }
        }

        /** Records a message for {@code field}; the first message of a field wins. */
        public Collector add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        /** Throws a {@link ValidationException} with every message recorded so far, if any. */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}

package com.giftcardimport.base;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.i18n.TextException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Input that breaks a rule, as field → message, so that a form can show each message next to its field and
 * an API can return them as a list. Field names are the names of the input record's components
 * (e.g. {@code systemName}). The exception message joins every message, for logs and notifications. Messages made
 * as {@link Text}s are said in the reader's language by {@link #messagesIn}.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> errors;
    private final transient Map<String, Text> texts;

    public ValidationException(Map<String, String> errors) {
        this(errors, Map.of());
    }

    private ValidationException(Map<String, String> errors, Map<String, Text> texts) {
        super(String.join("; ", errors.values()));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one message");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.texts = Map.copyOf(texts);
    }

    /** A failure of one field. */
    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    /** A failure of one field, said in the reader's language. */
    public static ValidationException of(String field, Text text) {
        return new Collector().add(field, text).exception();
    }

    /** Field → message, one message per field, in the order they were found (in English). */
    public Map<String, String> errors() {
        return errors;
    }

    /** Field → message in {@code locale} where the message has a key, else as it was made. */
    public Map<String, String> messagesIn(Locale locale) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach((field, message) -> messages.put(field,
                texts.containsKey(field) ? texts.get(field).in(locale) : message));
        return messages;
    }

    /** Collects the messages of several fields, then throws them together. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();
        private final Map<String, Text> texts = new LinkedHashMap<>();

        /**
         * Builds a value object; when its constructor refuses the input with an {@link IllegalArgumentException},
         * records the message for {@code field} and returns {@code null}.
         */
        public <T> T check(String field, Supplier<T> factory) {
            try {
                return factory.get();
            } catch (TextException e) {
                add(field, e.text());
                return null;
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

        /** Records a message for {@code field}, said in the reader's language; the first message of a field wins. */
        public Collector add(String field, Text text) {
            if (!errors.containsKey(field)) {
                errors.put(field, text.english());
                texts.put(field, text);
            }
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
                throw exception();
            }
        }

        private ValidationException exception() {
            return new ValidationException(errors, texts);
        }
    }
}

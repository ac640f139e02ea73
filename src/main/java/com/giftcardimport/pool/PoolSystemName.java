package com.giftcardimport.pool;

import com.giftcardimport.i18n.TextException;
/**
 * The name by which files and the API refer to a pool (SPEC §2): 1 to 64 characters, each a lower-case letter
 * {@code a–z}, a digit, {@code -}, {@code _} or {@code .}. Unique within a project (checked by the service and
 * the database).
 */
public record PoolSystemName(String value) {

    public static final int MAX_LENGTH = 64;

    public PoolSystemName {
        if (value == null || value.isEmpty()) {
            throw new TextException("pool.error.systemName.required");
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            throw new TextException("pool.error.systemName.tooLong", MAX_LENGTH, length);
        }
        value.codePoints().filter(c -> !allowed(c)).findFirst().ifPresent(c -> {
            throw refused(c);
        });
    }

    /** The system name typed by a person or found in a file: surrounding spaces are dropped. */
    public static PoolSystemName parse(String raw) {
        return new PoolSystemName(raw == null ? null : raw.strip());
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }

    private static TextException refused(int c) {
        if (Character.isWhitespace(c)) {
            return new TextException("pool.error.systemName.space");
        }
        if (Character.isISOControl(c)) {
            return new TextException("pool.error.systemName.control");
        }
        return new TextException("pool.error.systemName.character", Character.toString(c));
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.giftcardimport.security;

import java.util.Locale;
import java.util.Set;

/**
 * The password rule (docs/rules.md): 10 to 128 characters, not the user name, not one of the most common passwords.
 * Length is what makes a password hard to guess (NIST SP 800-63B); no rule on character classes.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123",
            "1234567890", "0123456789", "12345678910", "qwertyuiop", "1q2w3e4r5t", "qwerty1234", "1qaz2wsx3edc",
            "iloveyou12", "letmein123", "welcome123", "admin12345", "administrator", "passw0rd12", "giftcards1",
            "changeme12", "abcdefghij");

    private PasswordPolicy() {
    }

    /** @throws IllegalArgumentException with the rule the password breaks */
    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("Password: at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Password: at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Password: must not contain the user name");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new IllegalArgumentException("Password: too common or too repetitive; choose another");
        }
    }
}

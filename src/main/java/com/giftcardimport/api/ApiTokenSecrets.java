package com.giftcardimport.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes token secrets. A secret is {@code gci_} followed by 32 random bytes in URL-safe Base64, so a
 * plain SHA-256 is a safe way to store it (nothing to brute-force) and lets a request be matched with one
 * indexed lookup.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "gci_";
    /** How many characters of the secret are kept in clear, to recognise a token. */
    static final int VISIBLE_CHARS = 12;
    /** Longer values are not even hashed. */
    static final int MAX_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static String visiblePrefix(String secret) {
        return secret.substring(0, Math.min(VISIBLE_CHARS, secret.length()));
    }
}

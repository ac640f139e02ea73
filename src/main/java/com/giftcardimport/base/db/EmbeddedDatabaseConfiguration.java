package com.giftcardimport.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url}, the application starts its own PostgreSQL 17
 * whose data lives in {@code app.embedded-db.directory} and survives restarts. With
 * {@code app.embedded-db.ephemeral=true} (the tests) one throw-away server is shared by the whole JVM.
 *
 * <p>Two roles, as on an external server (docs/deployment.md): Liquibase migrates as {@code postgres}, the
 * superuser that owns the tables, while the application's connection pool logs in as {@link #APP_ROLE}, a role
 * that owns nothing and cannot bypass row-level security. The server creates that role when it starts, with a
 * random password set anew at every start (nothing to keep: only this process knows it, and the embedded server
 * accepts local connections only).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {

    /** The role the application connects as. */
    public static final String APP_ROLE = "gci_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "")
    EmbeddedDatabase embeddedDatabase(@Value("${app.embedded-db.directory}") Path directory,
                                      @Value("${app.embedded-db.ephemeral:false}") boolean ephemeral) {
        if (ephemeral) {
            return SharedEphemeralServer.get();
        }
        return EmbeddedDatabase.start(directory, false);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database,
                          @Value("${app.embedded-db.pool-size:12}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(APP_ROLE);
        config.setPassword(database.appPassword());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("embedded-postgres");
        log.info("Using the embedded PostgreSQL at {} as {}", database.jdbcUrl(), APP_ROLE);
        return new HikariDataSource(config);
    }

    /** Liquibase migrates as the owner of the tables (a connection of its own, closed after the migration). */
    @Bean
    LiquibaseConnectionDetails liquibaseConnectionDetails(EmbeddedDatabase database) {
        return new LiquibaseConnectionDetails() {
            @Override
            public String getUsername() {
                return EmbeddedDatabase.OWNER;
            }

            @Override
            public String getPassword() {
                return EmbeddedDatabase.OWNER;
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    /**
     * A running embedded server, where its files are, and the password of {@link #APP_ROLE} for this run.
     */
    public record EmbeddedDatabase(EmbeddedPostgres server, Path directory, boolean firstStart, String appPassword)
            implements AutoCloseable {

        /** The superuser that owns the tables and runs the migrations. */
        static final String OWNER = "postgres";
        private static final String DATABASE = "postgres";

        /** The server's JDBC URL without a user: each connection names its own role. */
        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
        }

        @Override
        public String toString() {
            return "EmbeddedDatabase[" + jdbcUrl() + ", " + directory + "]";
        }

        static EmbeddedDatabase start(Path directory, boolean clean) {
            try {
                Path absolute = directory.toAbsolutePath().normalize();
                boolean firstStart = !Files.exists(absolute.resolve("PG_VERSION"));
                Files.createDirectories(absolute);
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(absolute)
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "128MB")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                EmbeddedDatabase database = new EmbeddedDatabase(server, absolute, firstStart, randomPassword());
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
         * Creates {@link #APP_ROLE} if it is missing and (re)sets what it may do: log in with this run's password,
         * nothing else. Its rights on tables are granted by the migration (040-row-level-security.sql).
         */
        private void createAppRole() {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), OWNER, OWNER);
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
                        $$""".formatted(APP_ROLE));
                statement.execute("alter role " + APP_ROLE + " login nosuperuser nobypassrls nocreatedb nocreaterole "
                        + "noreplication noinherit password '" + appPassword + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the application role " + APP_ROLE, e);
            }
        }

        private static String randomPassword() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
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

    /** One throw-away server per JVM, so that every test context shares it. */
    private static final class SharedEphemeralServer {
        private static EmbeddedDatabase instance;

        static synchronized EmbeddedDatabase get() {
            if (instance == null) {
                try {
                    Path directory = Files.createTempDirectory("gci-embedded-pg");
                    instance = EmbeddedDatabase.start(directory, true);
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "embedded-postgres-stop"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return instance;
        }
    }
}

package com.giftcardimport.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * that owns nothing and cannot bypass row-level security. Both log in with passwords generated on the first start
 * and kept owner-only in the data directory ({@link DatabaseCredentials}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {

    /** The role the application connects as. */
    public static final String APP_ROLE = "gci_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "")
    EmbeddedDatabase embeddedDatabase(@Value("${app.embedded-db.directory}") Path directory,
                                      @Value("${app.embedded-db.ephemeral:false}") boolean ephemeral,
                                      @Value("${app.embedded-db.fsync:true}") boolean fsync,
                                      @Value("${app.embedded-db.synchronous-commit:on}") String synchronousCommit) {
        EmbeddedDatabase.Settings settings = new EmbeddedDatabase.Settings(fsync, synchronousCommit);
        if (ephemeral) {
            return SharedEphemeralServer.get(settings);
        }
        return EmbeddedDatabase.start(directory, false, settings);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database,
                          @Value("${app.embedded-db.pool-size:16}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(APP_ROLE);
        config.setPassword(database.appPassword());
        config.setMaximumPoolSize(poolSize);
        // connections are opened as imports need them (two per running import) and closed again when idle: the
        // embedded server allows 100, which the contexts of a test run share
        config.setMinimumIdle(Math.min(2, poolSize));
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
                return database.ownerPassword();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    /** One throw-away server per JVM, so that every test context shares it; the first context's settings hold. */
    private static final class SharedEphemeralServer {
        private static EmbeddedDatabase instance;

        static synchronized EmbeddedDatabase get(EmbeddedDatabase.Settings settings) {
            if (instance == null) {
                try {
                    Path directory = Files.createTempDirectory("gci-embedded-pg");
                    instance = EmbeddedDatabase.start(directory, true, settings);
                    Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "embedded-postgres-stop"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return instance;
        }
    }
}

package com.giftcardimport.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: with no {@code spring.datasource.url}, the application starts its own PostgreSQL 17
 * whose data lives in {@code app.embedded-db.directory} and survives restarts. With
 * {@code app.embedded-db.ephemeral=true} (the tests) one throw-away server is shared by the whole JVM.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {

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
        config.setUsername(EmbeddedDatabase.USER);
        config.setPassword(EmbeddedDatabase.USER);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("embedded-postgres");
        log.info("Using the embedded PostgreSQL at {}", database.jdbcUrl());
        return new HikariDataSource(config);
    }

    /** A running embedded server and where its files are. */
    public record EmbeddedDatabase(EmbeddedPostgres server, Path directory, boolean firstStart) implements AutoCloseable {

        static final String USER = "postgres";

        public String jdbcUrl() {
            return server.getJdbcUrl(USER, USER);
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
                EmbeddedDatabase database = new EmbeddedDatabase(server, absolute, firstStart);
                if (!clean) {
                    Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
                }
                return database;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
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

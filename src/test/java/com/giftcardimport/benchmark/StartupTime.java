package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Startup time of the packaged production application (issue 15; not a test: it runs only with
 * {@code -Pproduction,cold-benchmark -Dcold.benchmark=StartupTime}, see {@code docs/benchmarks.md}), without and with
 * the AOT cache, on the embedded default and on an external PostgreSQL (a separate server started from the zonky
 * binaries, with the two roles of {@code docs/deployment.md}). Each is measured on a first start (an empty data
 * directory or an empty database: initdb, migrations, demo data) and on a restart of the same, from the process start
 * to the API's first answer; Spring Boot's own "process running for" figure is printed beside it.
 */
class StartupTime {

    private static final String OWNER_PASSWORD = "owner-secret";
    private static final String APP_PASSWORD = "app-secret";

    @Test
    void the_production_jar_starts_with_and_without_the_aot_cache() throws Exception {
        Path appDir = Path.of(System.getProperty("cold.app-dir", "target/app")).toAbsolutePath();
        Path jar = appDir.resolve("app.jar");
        Path cache = appDir.resolve("app.aot");
        assertThat(jar).as("the extracted production jar: build with -Pproduction").isRegularFile();
        assertThat(cache).as("the AOT cache: build with -Pproduction on JDK 25").isRegularFile();
        int rounds = Integer.getInteger("startup.rounds", 1);
        Path work = Files.createTempDirectory("gci-startup");
        Path logs = Files.createDirectories(Path.of("target", "cold-benchmark"));
        List<String> results = new ArrayList<>();
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            createRoles(external);
            for (int round = 1; round <= rounds; round++) {
                for (boolean withCache : new boolean[] {false, true}) {
                    List<String> options = withCache ? List.of("-XX:AOTCache=" + cache) : List.of();
                    String mode = withCache ? "with the AOT cache" : "without the AOT cache";
                    Path dataDir = work.resolve("data-" + round + "-" + withCache);
                    results.add(measure("embedded, first start", mode, jar, options, Map.of(), dataDir, logs, true));
                    results.add(measure("embedded, restart", mode, jar, options, Map.of(), dataDir, logs, true));
                    emptyDatabase(external);
                    Map<String, String> env = externalEnvironment(external);
                    Path externalDir = work.resolve("external-" + round + "-" + withCache);
                    results.add(measure("external, first start", mode, jar, options, env, externalDir, logs, false));
                    results.add(measure("external, restart", mode, jar, options, env, externalDir, logs, false));
                }
            }
        } finally {
            AotTraining.deleteRecursively(work);
        }
        System.out.println();
        System.out.println("| database, start | AOT cache | to the API's first answer "
                + "| Spring's \"process running for\" | load average |");
        System.out.println("|---|---|---|---|---|");
        results.forEach(System.out::println);
    }

    private static String measure(String what, String mode, Path jar, List<String> options, Map<String, String> env,
                                  Path dataDir, Path logs, boolean embedded) throws Exception {
        Path log = logs.resolve(("startup " + what + " " + mode).replaceAll("\\W+", "-") + ".log");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double seconds;
        double spring;
        try (AppProcess app = AppProcess.start(AppProcess.currentJava(), jar, options, List.of(), env, dataDir, log,
                embedded)) {
            seconds = app.startSeconds();
            // the server answers a moment before Spring logs that it has started
            await().atMost(Duration.ofMinutes(1)).until(() -> app.springStartedSeconds() > 0);
            spring = app.springStartedSeconds();
        }
        String line = String.format(Locale.ROOT, "| %s | %s | %.1f s | %.1f s | %.1f |", what, mode, seconds, spring,
                load);
        System.out.println("startup: " + line);
        return line;
    }

    /** The two roles of docs/deployment.md: the owner (migrations) and the restricted application role. */
    private static void createRoles(EmbeddedPostgres server) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role giftcards_owner login password '" + OWNER_PASSWORD + "'");
            statement.execute("create role giftcards_app login password '" + APP_PASSWORD + "' "
                    + "nosuperuser nobypassrls nocreatedb nocreaterole noinherit");
        }
    }

    /** A new empty database, so that the next start is a first start (migrations on an empty schema). */
    private static void emptyDatabase(EmbeddedPostgres server) throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists giftcards with (force)");
            statement.execute("create database giftcards owner giftcards_owner");
        }
    }

    private static Map<String, String> externalEnvironment(EmbeddedPostgres server) {
        return Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/giftcards",
                "SPRING_DATASOURCE_USERNAME", "giftcards_app",
                "SPRING_DATASOURCE_PASSWORD", APP_PASSWORD,
                "SPRING_LIQUIBASE_USER", "giftcards_owner",
                "SPRING_LIQUIBASE_PASSWORD", OWNER_PASSWORD,
                "GCI_BOOTSTRAP_ADMIN_PASSWORD", "startup-benchmark");
    }
}

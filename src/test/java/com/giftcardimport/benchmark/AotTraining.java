package com.giftcardimport.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The training run of the production build's ahead-of-time cache (JDK 25, JEP 483/514/515; see
 * {@code docs/deployment.md} and {@code docs/decisions/aot-cache.md}). Starts the extracted production jar
 * ({@code <app dir>/app.jar}) with {@code -XX:AOTCacheOutput=<app dir>/app.aot} on a throw-away data directory
 * (embedded PostgreSQL, demo data) and a free port, imports a generated file of {@code aot.training-rows} (100,000)
 * cards through the HTTP API as a client would, reads the import list, then stops the application with SIGTERM; the
 * JVM writes the cache as it exits.
 * <p>
 * Not a test: run from its source with the JDK that will run the application
 * ({@code java src/test/java/com/giftcardimport/benchmark/AotTraining.java target/app}), as the {@code production}
 * profile and {@code docker/Dockerfile} do. Uses JDK classes only. On a JDK older than 25 it makes no cache and says
 * so.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java AotTraining.java <directory of the extracted app.jar>");
            System.exit(2);
        }
        Path appDir = Path.of(args[0]).toAbsolutePath();
        Path cache = appDir.resolve("app.aot");
        if (Runtime.version().feature() < 25) {
            System.out.println("AOT training skipped: the cache needs JDK 25 or newer, this is " + Runtime.version());
            return;
        }
        long rows = Long.getLong("aot.training-rows", 100_000L);
        Files.deleteIfExists(cache);
        Path work = Files.createTempDirectory("gci-aot-training");
        Path log = appDir.resolve("aot-training.log");
        long started = System.nanoTime();
        Path csv = work.resolve("training.csv");
        AppProcess.writeCards(csv, rows);
        try (AppProcess app = AppProcess.start(AppProcess.currentJava(), appDir.resolve("app.jar"),
                List.of("-XX:AOTCacheOutput=" + cache), List.of(), work.resolve("data"), log)) {
            System.out.printf(Locale.ROOT, "AOT training: application started in %.1f s; importing %d rows%n",
                    app.startSeconds(), rows);
            long id = app.createImport(csv);
            String end = app.awaitEnd(id, Duration.ofMillis(200));
            if (!"COMPLETED".equals(AppProcess.field(end, "status"))
                    || !Long.toString(rows).equals(AppProcess.field(end, "importedRows"))) {
                throw new IllegalStateException("The training import did not import every row: " + end);
            }
            app.get("/api/v1/imports");
            app.get("/api/v1/imports/" + id + "/errors");
            app.get("/api/v1/pools");
        }
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("The JVM wrote no AOT cache " + cache + "; see " + log);
        }
        deleteRecursively(work);
        System.out.printf(Locale.ROOT, "AOT training: wrote %s (%d MB) in %.0f s%n", cache, Files.size(cache) >> 20,
                (System.nanoTime() - started) / 1e9);
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end benchmark of SPEC §8 (issue 15; not a test: it runs only with {@code -Pproduction,cold-benchmark},
 * see {@code docs/benchmarks.md}). Starts the packaged production application ({@code target/app/app.jar}, extracted
 * by the production build) as a process of its own on a fresh data directory and a free port, and through its HTTP
 * API imports a generated file of {@code cold.rows} (1,000,000) cards of the seven fields as the first import after
 * the start: {@code POST /api/v1/imports}, then {@code GET /api/v1/imports/{id}} every 200 ms until the end status,
 * timed from the request's start to the answer showing the end. Then it loads the same rows with PostgreSQL's own
 * {@code COPY} into an empty table of the same shape on the same database ({@link CopyComparison}) and prints
 * <pre>cold import/copy ratio: R (import X s, copy Y s, start Z s)</pre>
 * and the same for a second import in the same process ({@code warm import/copy ratio}). It does all this once
 * without and once with the AOT cache ({@code target/app/app.aot}, when there is one), each on its own fresh data
 * directory, and prints for each import where its time went (upload, launch, queue, load, status).
 */
class ColdStart {

    /** How often the client asks for the import's status: each answer is at most this late. */
    private static final Duration POLL = Duration.ofMillis(Long.getLong("cold.poll-ms", 200));

    @Test
    void the_first_and_the_second_import_after_a_start_against_copy() throws Exception {
        Path appDir = Path.of(System.getProperty("cold.app-dir", "target/app")).toAbsolutePath();
        Path jar = appDir.resolve("app.jar");
        Path cache = appDir.resolve("app.aot");
        assertThat(jar).as("the extracted production jar: build with -Pproduction").isRegularFile();
        long rows = Long.getLong("cold.rows", 1_000_000L);
        Path work = Files.createTempDirectory("gci-cold");
        Path logs = Files.createDirectories(Path.of("target", "cold-benchmark"));
        try {
            Path csv = work.resolve("cards.csv");
            AppProcess.writeCards(csv, rows);
            System.out.printf(Locale.ROOT, "cold benchmark: %d rows, %d MB file, %s, JDK %s; logs in %s%n", rows,
                    Files.size(csv) >> 20, jar, Runtime.version(), logs.toAbsolutePath());
            List<String> summary = new ArrayList<>();
            summary.addAll(run("without the AOT cache", jar, List.of(), csv, rows, work,
                    logs.resolve("no-cache.log")));
            if (Files.isRegularFile(cache)) {
                summary.addAll(run("with the AOT cache", jar, List.of("-XX:AOTCache=" + cache, "-Xlog:aot=warning"),
                        csv, rows, work, logs.resolve("aot-cache.log")));
            } else {
                summary.add("with the AOT cache: not measured, there is no " + cache);
            }
            System.out.println();
            summary.forEach(System.out::println);
        } finally {
            AotTraining.deleteRecursively(work);
        }
    }

    private List<String> run(String mode, Path jar, List<String> jvmOptions, Path csv, long rows, Path work,
                             Path log) throws Exception {
        System.out.printf(Locale.ROOT, "%n--- %s (load average %.2f) ---%n", mode, loadAverage());
        Path dataDir = work.resolve("data-" + log.getFileName().toString().replace(".log", ""));
        List<String> lines = new ArrayList<>();
        try (AppProcess app = AppProcess.start(AppProcess.currentJava(), jar, jvmOptions,
                List.of("--logging.level.com.giftcardimport.importing.job.JobExecution=DEBUG"), dataDir, log);
             CopyComparison copy = CopyComparison.open(dataDir, work.resolve("cards.copy.csv"))) {
            System.out.printf(Locale.ROOT, "started in %.1f s (process start to the API's first answer)%n",
                    app.startSeconds());
            Timed cold = importOnce(app, copy, csv, rows, "first import");
            copy.exportCards(cold.id());
            double coldCopy = copy.timeCopy(rows);
            copy.emptyGiftCards();
            Timed warm = importOnce(app, copy, csv, rows, "second import");
            double warmCopy = copy.timeCopy(rows);
            lines.add(mode + ":");
            lines.add(String.format(Locale.ROOT,
                    "cold import/copy ratio: %.2f (import %.1f s, copy %.1f s, start %.1f s)",
                    cold.seconds() / coldCopy, cold.seconds(), coldCopy, app.startSeconds()));
            lines.add(String.format(Locale.ROOT, "warm import/copy ratio: %.2f (import %.1f s, copy %.1f s)",
                    warm.seconds() / warmCopy, warm.seconds(), warmCopy));
            lines.forEach(System.out::println);
        }
        return lines;
    }

    /** One import through the API, timed from the request's start to the answer showing its end status. */
    private Timed importOnce(AppProcess app, CopyComparison copy, Path csv, long rows, String what) throws Exception {
        copy.checkpoint();
        double dbBefore = copy.databaseCpuSeconds();
        double appBefore = CpuMeter.processSeconds(app.pid());
        Map<String, Double> threadsBefore = CpuMeter.threadSeconds(app.pid());
        Instant requested = Instant.now();
        long start = System.nanoTime();
        long id = app.createImport(csv);
        double posted = (System.nanoTime() - start) / 1e9;
        String end = app.awaitEnd(id, POLL);
        double seconds = (System.nanoTime() - start) / 1e9;
        Instant seen = Instant.now();
        assertThat(AppProcess.field(end, "status")).as(end).isEqualTo("COMPLETED");
        assertThat(AppProcess.field(end, "importedRows")).isEqualTo(Long.toString(rows));
        Instant launched = AppProcess.instant(end, "launchedAt");
        Instant started = AppProcess.instant(end, "startedAt");
        Instant finished = AppProcess.instant(end, "finishedAt");
        Instant stored = app.lastLogged("Stored upload");
        System.out.printf(Locale.ROOT, "%s: %.1f s = POST answered after %.2f s (upload stored %.2f s, detection "
                        + "to the launch's transaction %.2f s), launch to running %.2f s, loading %.1f s, end status "
                        + "seen %.2f s after the end; CPU: application %.1f s, database %.1f s%n",
                what, seconds, posted, seconds(requested, stored), seconds(stored, launched),
                seconds(launched, started),
                seconds(started, finished), seconds(finished, seen),
                CpuMeter.processSeconds(app.pid()) - appBefore, copy.databaseCpuSeconds() - dbBefore);
        StringBuilder threads = new StringBuilder("  application CPU by thread:");
        CpuMeter.threadSeconds(app.pid()).forEach((kind, used) -> threads.append(String.format(Locale.ROOT,
                " %s %.1f s,", kind, used - threadsBefore.getOrDefault(kind, 0.0))));
        System.out.println(threads.substring(0, threads.length() - 1));
        return new Timed(id, seconds);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private record Timed(long id, double seconds) {
    }
}

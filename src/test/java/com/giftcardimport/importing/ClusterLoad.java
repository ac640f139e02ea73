package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The concurrent load on the cluster (not a test: it runs only with {@code -Pload-benchmark}, after
 * {@code ConcurrentLoad}; see {@code docs/benchmarks.md}). The processes of {@link ClusterIT}: a standalone
 * PostgreSQL, S3Proxy and application nodes. It launches {@code load.cluster-imports} imports (8) of
 * {@code load.rows} rows (200,000) over the HTTP API at once, first with one node, then with two nodes sharing them,
 * and prints the rows per second of each; then it kills (SIGKILL) the node running a long import and prints how long
 * the other node took to resume it.
 */
class ClusterLoad {

    static final int ROWS = Integer.getInteger("load.rows", 200_000);
    static final int IMPORTS = Integer.getInteger("load.cluster-imports", 8);
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    @Test
    void imports_on_one_node_and_on_two_and_the_takeover_of_a_killed_node() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "cluster-load", Long.toString(System.currentTimeMillis())));
        List<CrashRecoveryIT.Expected> files = new ArrayList<>();
        for (int i = 0; i < 2 * IMPORTS; i++) {
            files.add(CrashRecoveryIT.writeCards(dir.resolve("load" + i + ".csv"), "L" + i, ROWS));
        }
        try (ClusterProcesses cluster = new ClusterProcesses(dir, 2, "--app.import.max-running-jobs-per-project=4")) {
            cluster.startNode(0);
            cluster.seed();
            double one = run(cluster, files.subList(0, IMPORTS), new int[] {cluster.ports[0]});
            cluster.startNode(1);
            double two = run(cluster, files.subList(IMPORTS, 2 * IMPORTS), cluster.ports);

            CrashRecoveryIT.Expected big = CrashRecoveryIT.writeCards(dir.resolve("takeover.csv"), "T", 3 * ROWS);
            long job = cluster.launch(cluster.ports[0], big.file());
            await().atMost(TIMEOUT).until(() -> cluster.runningOn(job) > 0 && cluster.processed(job) >= ROWS / 4);
            int victim = cluster.runningOn(job);
            long atKill = cluster.processed(job);
            long killed = System.nanoTime();
            cluster.kill(victim - 1);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .until(() -> cluster.runningOn(job) == 3 - victim && cluster.processed(job) > atKill);
            double takeover = (System.nanoTime() - killed) / 1e9;
            await().atMost(TIMEOUT).until(() -> !"RUNNING".equals(cluster.job(job).get("status")));
            assertThat(cluster.job(job).get("cards")).isEqualTo(big.imported());

            System.out.printf(Locale.ROOT, "cluster load: %d imports x %,d rows: one node %,.0f rows/s, two nodes "
                    + "%,.0f rows/s (x%.2f)%n", IMPORTS, ROWS, one, two, two / one);
            System.out.printf(Locale.ROOT, "cluster takeover: node%d killed after %,d rows; node%d committed its "
                    + "next chunk %.1f s later (takeover-within 10 s)%n", victim, atKill, 3 - victim, takeover);
        }
    }

    /** Launches every file at once, spread over the ports, waits for all to end; answers rows per second. */
    private static double run(ClusterProcesses cluster, List<CrashRecoveryIT.Expected> files, int[] ports)
            throws Exception {
        long start = System.nanoTime();
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            jobs.add(cluster.launch(ports[i % ports.length], files.get(i).file()));
        }
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> jobs.stream()
                .allMatch(job -> !List.of("QUEUED", "RUNNING").contains(cluster.job(job).get("status"))));
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(cluster.job(jobs.get(i)).get("cards")).isEqualTo(files.get(i).imported());
        }
        return (double) files.size() * ROWS / seconds;
    }
}

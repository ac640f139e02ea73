package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * SPEC §9 on real processes: two application nodes on one PostgreSQL with S3-compatible storage, behind HAProxy
 * (see {@link ClusterProcesses}). A node killed in the middle of an import, a rolling restart of both nodes, a cancel
 * through the other node, and the per-project limit across nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int ROWS = 600_000;
    static final Duration END_TIMEOUT = Duration.ofSeconds(240);

    /** The processes' files and logs, kept under target/ for a look after a failure. */
    Path dir;
    ClusterProcesses cluster;

    @BeforeAll
    void startCluster() throws Exception {
        dir = Files.createDirectories(Path.of("target", "cluster-it")).resolve(Long.toString(System.currentTimeMillis()));
        Files.createDirectories(dir);
        cluster = new ClusterProcesses(dir, 2);
        cluster.startNode(0);   // migrates the empty database first
        cluster.seed();
        cluster.startNode(1);
        cluster.startProxy();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        try (var files = Files.list(dir)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.delete(csv);   // the logs stay
            }
        }
    }

    @Test
    @Order(1)
    void a_node_killed_mid_import_leaves_it_to_the_other_which_finishes_it_with_every_card_once() throws Exception {
        CrashRecoveryIT.Expected file = CrashRecoveryIT.writeCards(dir.resolve("killed.csv"), "K", ROWS);
        WebDriver browser = browser();
        try {
            logIn(browser);
            long job = cluster.launch(cluster.proxyPort, file.file());
            browser.get(proxy("imports"));
            waitForText(browser, "Running");

            await().atMost(END_TIMEOUT).until(() -> cluster.runningOn(job) > 0 && cluster.processed(job) >= ROWS / 8);
            int victim = cluster.runningOn(job);
            long atKill = cluster.processed(job);
            long killedAt = System.nanoTime();
            cluster.kill(victim - 1);
            assertThat(cluster.job(job).get("status")).isEqualTo("RUNNING");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> cluster.runningOn(job) == 3 - victim && cluster.processed(job) > atKill);
            System.out.printf("cluster test: node%d killed after %d rows; node%d resumed the import %.1f s later%n",
                    victim, atKill, 3 - victim, (System.nanoTime() - killedAt) / 1e9);

            await().atMost(END_TIMEOUT).until(() -> !"RUNNING".equals(cluster.job(job).get("status")));
            assertEveryCardOnce(job, file);

            // the browser's node may be gone: HAProxy sends it to the live one, where it logs in again
            browser.get(proxy("imports"));
            if (browser.getCurrentUrl().contains("/login")) {
                logIn(browser);
                browser.get(proxy("imports"));
            }
            waitForText(browser, "Completed with errors");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(2)
    void a_rolling_restart_of_both_nodes_fails_no_import_and_imports_no_card_twice() throws Exception {
        startMissingNodes();
        CrashRecoveryIT.Expected file = CrashRecoveryIT.writeCards(dir.resolve("rolling.csv"), "R", ROWS);
        long job = cluster.launch(cluster.proxyPort, file.file());
        await().atMost(END_TIMEOUT).until(() -> cluster.processed(job) > 0);

        for (int node = 0; node < 2; node++) {
            cluster.stop(node);
            cluster.startNode(node);
        }

        await().atMost(END_TIMEOUT).until(() -> !"RUNNING".equals(cluster.job(job).get("status"))
                && !"QUEUED".equals(cluster.job(job).get("status")));
        assertEveryCardOnce(job, file);
        assertThat(cluster.logs()).as("handed over at a chunk boundary")
                .contains("Import " + job + " stopped after row").contains("Import " + job + " resumes on node");
    }

    @Test
    @Order(3)
    void an_import_launched_on_one_node_is_cancelled_through_the_other() throws Exception {
        startMissingNodes();
        CrashRecoveryIT.Expected file = CrashRecoveryIT.writeCards(dir.resolve("cancelled.csv"), "C", ROWS / 2);
        long job = cluster.launch(cluster.ports[0], file.file());
        await().atMost(END_TIMEOUT).until(() -> cluster.processed(job) > 0);

        assertThat(cluster.cancel(cluster.ports[1], job)).isBetween(200, 204);

        await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELLED".equals(cluster.job(job).get("status")));
        Map<String, Object> cancelled = cluster.job(job);
        assertThat(cancelled.get("cards")).isEqualTo(cancelled.get("imported_rows"));
        assertThat((long) cancelled.get("imported_rows") + (long) cancelled.get("failed_rows")).isLessThan(ROWS / 2);
    }

    @Test
    @Order(4)
    void a_project_runs_at_most_two_imports_at_once_across_both_nodes() throws Exception {
        startMissingNodes();
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CrashRecoveryIT.Expected file = CrashRecoveryIT.writeCards(dir.resolve("limit" + i + ".csv"), "L" + i,
                    50_000);
            jobs.add(cluster.launch(cluster.ports[i % 2], file.file()));
        }
        List<Long> running = Collections.synchronizedList(new ArrayList<>());
        await().atMost(END_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            running.add(cluster.db.sql("select count(*) from import_job where id = any (?) and status = 'RUNNING'")
                    .param(jobs.toArray(Long[]::new)).query(Long.class).single());
            return cluster.db.sql("select count(*) from import_job where id = any (?) and status in ('QUEUED', "
                    + "'RUNNING')").param(jobs.toArray(Long[]::new)).query(Long.class).single() == 0;
        });
        assertThat(running).as("imports of the project running at once").allMatch(n -> n <= 2).contains(2L);
        for (long job : jobs) {
            assertThat(cluster.job(job).get("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        }
    }

    private void assertEveryCardOnce(long job, CrashRecoveryIT.Expected file) {
        Map<String, Object> done = cluster.job(job);
        assertThat(done.get("status")).as("%s", done).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.get("imported_rows")).isEqualTo(file.imported());
        assertThat(done.get("failed_rows")).isEqualTo(file.failed());
        assertThat(done.get("total_rows")).isEqualTo((long) ROWS);
        assertThat(done.get("cards")).as("cards stored").isEqualTo(file.imported());
        assertThat(done.get("card_rows")).as("rows that made a card").isEqualTo(file.imported());
    }

    private void startMissingNodes() throws Exception {
        for (int i = 0; i < 2; i++) {
            if (cluster.nodes[i] == null || !cluster.nodes[i].isAlive()) {
                cluster.startNode(i);
            }
        }
    }

    private String proxy(String path) {
        return "http://127.0.0.1:" + cluster.proxyPort + "/" + path;
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    private void logIn(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(proxy("login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")))
                .sendKeys(ClusterProcesses.ADMIN);
        browser.findElement(By.cssSelector("input[name=password]")).sendKeys(ClusterProcesses.PASSWORD);
        browser.findElement(By.cssSelector("vaadin-button[slot=submit], button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void waitForText(WebDriver browser, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.body.innerText").toString().contains(text));
    }
}

package com.giftcardimport.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportProgressFeed;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportServiceTestBase;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * The concurrent load benchmark of issue 6 (not a test: it runs only with {@code -Pload-benchmark}, see
 * {@code docs/benchmarks.md}). With the server's default import settings (4 jobs at once, 2 per project), it
 * launches {@code load.imports-per-project} imports (2) in each of {@code load.projects} projects (5) at the same
 * moment, each of {@code load.rows} rows of all seven fields, while {@code load.browsers-per-project} people per
 * project (2: the admin and the account manager) keep reading the import list and each running import
 * ({@link ImportQueries#list}, {@link ImportQueries#count}, {@link ImportQueries#get}) every
 * {@code load.browse-interval-ms} (250 ms), and each project's admin is subscribed to its live progress
 * ({@link ImportProgressFeed#subscribe}). It prints, per project and overall:
 * <ul>
 *   <li>throughput: rows imported per second, from the project's first launch to its last import's end, and
 *       while its imports ran;</li>
 *   <li>the wait before the project's first rows were committed, and its longest stall: the longest time it had
 *       an unfinished import but no new rows committed (the wait for the first rows included). A project
 *       <b>starved</b> if that stall is longer than the longest run of any single import plus
 *       {@link #STARVATION_GRACE_SECONDS}: with more imports than slots a project may have to wait for one import
 *       to end, not more;</li>
 *   <li>the progress delay: from a chunk's commit (the time its progress event was made, right after the commit)
 *       to the event reaching the subscriber, and to a browsing person's list showing that many rows;</li>
 *   <li>how long the list and the lookups took for the people browsing.</li>
 * </ul>
 */
class ConcurrentLoad extends ImportServiceTestBase {

    /**
     * A project starved when it went without new rows for longer than the longest single import ran, plus this:
     * waiting for one import to end is what a free slot costs when there are more imports than slots, and the
     * time to upload, launch and commit a first chunk comes on top.
     */
    static final double STARVATION_GRACE_SECONDS = 2.0;

    @Autowired
    ImportProgressFeed feed;
    /** A progress event and when the subscriber got it. */
    record Received(ImportProgress progress, Instant at) {
    }

    /** What a browsing person's list showed for one import, and when the answer arrived. */
    record Seen(ImportJobId job, long processed, Instant at) {
    }

    /** One import of the run. */
    record Launched(int project, ImportJobId job, Instant launchedAt) {
    }

    @Test
    void ten_imports_across_five_projects_while_people_browse_the_lists() throws Exception {
        int projectCount = Integer.getInteger("load.projects", 5);
        int perProject = Integer.getInteger("load.imports-per-project", 2);
        long rows = Long.getLong("load.rows", 200_000L);
        int browsersPerProject = Integer.getInteger("load.browsers-per-project", 2);
        long browseInterval = Long.getLong("load.browse-interval-ms", 250L);
        Path dir = Files.createTempDirectory("gci-load");
        try {
            run(projectCount, perProject, rows, browsersPerProject, browseInterval, dir);
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private void run(int projectCount, int perProject, long rows, int browsersPerProject, long browseInterval,
                     Path dir) throws Exception {
        printMachine();
        // the files: import k of every project holds rows k*rows … (k+1)*rows-1, so numbers never collide
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < perProject; k++) {
            files.add(BenchmarkRows.writeCsv(dir.resolve("cards-" + k + ".csv"), BenchmarkRows.HEADER, k * rows,
                    (k + 1) * rows, BenchmarkRows::csvLine));
        }
        List<TestProject> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            TestProject project = support.newProject();
            support.pool(project.id(), BenchmarkRows.POOLS[0], "FIXED", "1000.00", true, "MONTHS", 12);
            support.pool(project.id(), BenchmarkRows.POOLS[1], "ARBITRARY", null, false, null, null);
            support.pool(project.id(), BenchmarkRows.POOLS[2], "FIXED", "500.00", false, "DAYS", 90);
            projects.add(project);
        }
        System.out.printf(Locale.ROOT, "load: %d projects × %d imports × %,d rows (%d MB per file), %d people "
                        + "browsing per project every %d ms, max heap %d MB%n", projectCount, perProject, rows,
                Files.size(files.getFirst()) >> 20, browsersPerProject, browseInterval,
                Runtime.getRuntime().maxMemory() >> 20);

        // live progress, as the import list page subscribes to it
        ConcurrentLinkedQueue<Received> events = new ConcurrentLinkedQueue<>();
        List<ImportProgressBus.Subscription> subscriptions = new ArrayList<>();
        for (TestProject project : projects) {
            support.loginAs(project.admin(), project.id());
            subscriptions.add(feed.subscribe(progress -> events.add(new Received(progress, Instant.now()))));
        }
        support.logout();

        // people browsing the list and the running imports
        AtomicBoolean browsing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> listNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> getNanos = new ConcurrentLinkedQueue<>();
        List<Thread> browsers = new ArrayList<>();
        for (TestProject project : projects) {
            for (int b = 0; b < browsersPerProject; b++) {
                String user = b % 2 == 0 ? project.admin() : project.manager();
                browsers.add(Thread.ofPlatform().name("browser-" + user).start(() -> {
                    support.loginAs(user, project.id());
                    while (browsing.get()) {
                        long t0 = System.nanoTime();
                        List<ImportSummary> list = queries.list(ImportFilter.ALL, 0, 20);
                        queries.count(ImportFilter.ALL);
                        Instant shown = Instant.now();
                        listNanos.add(System.nanoTime() - t0);
                        for (ImportSummary job : list) {
                            seen.add(new Seen(job.id(), job.importedRows() + job.failedRows(), shown));
                            if (!job.status().isFinal()) {
                                long t1 = System.nanoTime();
                                queries.get(job.id());
                                getNanos.add(System.nanoTime() - t1);
                            }
                        }
                        sleep(browseInterval);
                    }
                    support.logout();
                }));
            }
        }

        // every import launched at the same moment, each by its project's admin
        int total = projectCount * perProject;
        CyclicBarrier start = new CyclicBarrier(total);
        ConcurrentLinkedQueue<Launched> launched = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch allLaunched = new CountDownLatch(total);
        ColumnMapping mapping = new ColumnMapping(Arrays.stream(GiftCardField.values()).map(Optional::of).toList());
        for (int p = 0; p < projectCount; p++) {
            TestProject project = projects.get(p);
            int projectIndex = p;
            for (Path file : files) {
                Thread.ofPlatform().name("launcher-" + project.slug()).start(() -> {
                    try {
                        support.loginAs(project.admin(), project.id());
                        start.await();
                        Instant at = Instant.now();
                        StoredFile stored;
                        try (InputStream in = Files.newInputStream(file)) {
                            stored = inspection.upload(in, file.getFileName().toString());
                        }
                        ImportJobId job = launcher.launch(new LaunchRequest(stored,
                                new FileFormat(StandardCharsets.UTF_8, ','), mapping, null)).id();
                        launched.add(new Launched(projectIndex, job, at));
                    } catch (Throwable e) {
                        failures.add(e);
                        start.reset();   // the others stop waiting for this one
                    } finally {
                        support.logout();
                        allLaunched.countDown();
                    }
                });
            }
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        allLaunched.await();
        failures.forEach(Throwable::printStackTrace);
        assertThat(failures).isEmpty();
        List<ImportJobId> jobIds = launched.stream().map(Launched::job).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        AtomicLong peakHeap = new AtomicLong();
        while (!allEnded(jobIds)) {
            assertThat(System.nanoTime()).as("imports still running after 30 minutes").isLessThan(deadline);
            peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            sleep(100);
        }
        sleep(2 * browseInterval + 500);   // the last states reach the lists and the subscribers
        browsing.set(false);
        for (Thread browser : browsers) {
            browser.join();
        }
        subscriptions.forEach(ImportProgressBus.Subscription::remove);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        report(projects, List.copyOf(launched), rows, List.copyOf(events), List.copyOf(seen), List.copyOf(listNanos),
                List.copyOf(getNanos), peakHeap.get(), loadBefore, loadAfter);
    }

    // ------------------------------------------------------------------ the report

    private void report(List<TestProject> projects, List<Launched> launched, long rows, List<Received> events,
                        List<Seen> seen, List<Long> listNanos, List<Long> getNanos, long peakHeap, double loadBefore,
                        double loadAfter) {
        Map<ImportJobId, Row> jobs = new HashMap<>();
        for (Launched l : launched) {
            jobs.put(l.job(), jdbc.sql("""
                            select status, imported_rows, failed_rows, total_rows, started_at, finished_at
                              from import_job where id = ?
                            """)
                    .param(l.job().value())
                    .query((rs, n) -> new Row(l.project(), l.launchedAt(), rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant()))
                    .single());
        }
        for (Row job : jobs.values()) {
            assertThat(job.status()).isEqualTo(ImportStatus.COMPLETED.name());
            assertThat(job.imported()).isEqualTo(rows);
        }
        double longestRun = jobs.values().stream().mapToDouble(j -> seconds(j.started(), j.finished())).max()
                .orElse(0);
        Instant firstLaunch = launched.stream().map(Launched::launchedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant lastEnd = jobs.values().stream().map(Row::finished).max(Comparator.naturalOrder()).orElseThrow();
        long allRows = jobs.values().stream().mapToLong(Row::imported).sum();

        // progress delays
        Map<ImportJobId, List<Received>> eventsByJob = new HashMap<>();
        for (Received r : events) {
            eventsByJob.computeIfAbsent(r.progress().jobId(), j -> new ArrayList<>()).add(r);
        }
        Map<ImportJobId, List<Seen>> seenByJob = new HashMap<>();
        for (Seen s : seen) {
            seenByJob.computeIfAbsent(s.job(), j -> new ArrayList<>()).add(s);
        }
        seenByJob.values().forEach(list -> list.sort(Comparator.comparing(Seen::at)));

        System.out.println();
        System.out.println("| project | imports | rows | rows/s (first launch → last end) | rows/s while running "
                + "| first rows after | longest stall | commit → event, worst | commit → list, worst | starved |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        double worstEvent = 0;
        double worstList = 0;
        double worstGap = 0;
        List<String> starved = new ArrayList<>();
        for (int p = 0; p < projects.size(); p++) {
            int project = p;
            List<Row> own = jobs.values().stream().filter(j -> j.project() == project).toList();
            List<ImportJobId> ownIds = jobs.entrySet().stream().filter(e -> e.getValue().project() == project)
                    .map(Map.Entry::getKey).toList();
            Instant launch = own.stream().map(Row::launchedAt).min(Comparator.naturalOrder()).orElseThrow();
            Instant end = own.stream().map(Row::finished).max(Comparator.naturalOrder()).orElseThrow();
            long projectRows = own.stream().mapToLong(Row::imported).sum();
            double running = unionSeconds(own);
            // commits of the project, in order: every event with more rows than the one before, per job
            List<Received> commits = new ArrayList<>();
            double eventDelay = 0;
            double listDelay = 0;
            for (ImportJobId id : ownIds) {
                List<Received> jobEvents = eventsByJob.getOrDefault(id, List.of()).stream()
                        .sorted(Comparator.comparing(r -> r.progress().at())).toList();
                long last = -1;
                Instant lastAt = null;
                for (Received r : jobEvents) {
                    eventDelay = Math.max(eventDelay, seconds(r.progress().at(), r.at()));
                    if (r.progress().processed() > last && r.progress().processed() > 0) {
                        if (r.progress().status() == ImportStatus.RUNNING && lastAt != null) {
                            worstGap = Math.max(worstGap, seconds(lastAt, r.progress().at()));
                        }
                        last = r.progress().processed();
                        lastAt = r.progress().at();
                        commits.add(r);
                        listDelay = Math.max(listDelay, listDelay(r, seenByJob.getOrDefault(id, List.of())));
                    }
                }
            }
            commits.sort(Comparator.comparing(r -> r.progress().at()));
            Instant firstRows = commits.isEmpty() ? end : commits.getFirst().progress().at();
            double stall = seconds(launch, firstRows);
            for (int i = 1; i < commits.size(); i++) {
                stall = Math.max(stall, seconds(commits.get(i - 1).progress().at(), commits.get(i).progress().at()));
            }
            boolean projectStarved = stall > longestRun + STARVATION_GRACE_SECONDS;
            if (projectStarved) {
                starved.add(projects.get(p).slug());
            }
            worstEvent = Math.max(worstEvent, eventDelay);
            worstList = Math.max(worstList, listDelay);
            System.out.printf(Locale.ROOT, "| %d | %d | %,d | %,.0f | %,.0f | %.1f s | %.1f s | %.0f ms | %.0f ms | %s |%n",
                    p + 1, own.size(), projectRows, projectRows / seconds(launch, end), projectRows / running,
                    seconds(launch, firstRows), stall, eventDelay * 1000, listDelay * 1000,
                    projectStarved ? "yes" : "no");
        }
        System.out.println();
        System.out.println("imports, by start: project, started and ended (seconds after the first launch), rows/s");
        jobs.values().stream().sorted(Comparator.comparing(Row::started)).forEach(j -> System.out.printf(Locale.ROOT,
                "  project %d: %5.1f → %5.1f s, %,.0f rows/s%n", j.project() + 1, seconds(firstLaunch, j.started()),
                seconds(firstLaunch, j.finished()), j.imported() / seconds(j.started(), j.finished())));
        System.out.println();
        System.out.printf(Locale.ROOT, "all: %,d rows in %.1f s = %,.0f rows/s; longest single import %.1f s%n",
                allRows, seconds(firstLaunch, lastEnd), allRows / seconds(firstLaunch, lastEnd), longestRun);
        System.out.printf(Locale.ROOT, "browsing: %d list pages (list + count) p50 %.0f ms, p95 %.0f ms, max %.0f ms; "
                        + "%d import lookups p95 %.0f ms, max %.0f ms%n", listNanos.size(), percentile(listNanos, 50),
                percentile(listNanos, 95), percentile(listNanos, 100), getNanos.size(), percentile(getNanos, 95),
                percentile(getNanos, 100));
        System.out.printf(Locale.ROOT, "peak heap %d MB (garbage included); load average %.1f before, %.1f after%n",
                peakHeap >> 20, loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "worst progress delay: commit → event %.0f ms, commit → list %.0f ms; longest "
                        + "time between two commits of a running import %.0f ms; %s%n", worstEvent * 1000,
                worstList * 1000, worstGap * 1000,
                starved.isEmpty() ? "no project starved" : "starved: " + String.join(", ", starved));
    }

    /** From a commit to the first list answer showing at least that many rows of the import. */
    private static double listDelay(Received commit, List<Seen> seen) {
        for (Seen s : seen) {
            if (s.processed() >= commit.progress().processed() && !s.at().isBefore(commit.progress().at())) {
                return seconds(commit.progress().at(), s.at());
            }
        }
        return 0;   // the run ended before anyone looked again
    }

    record Row(int project, Instant launchedAt, String status, long imported, long failed, long total,
               Instant started, Instant finished) {
    }

    /** Seconds during which at least one of the imports was running. */
    private static double unionSeconds(Collection<Row> jobs) {
        List<Row> sorted = jobs.stream().sorted(Comparator.comparing(Row::started)).toList();
        double sum = 0;
        Instant from = null;
        Instant to = null;
        for (Row job : sorted) {
            if (to == null || job.started().isAfter(to)) {
                if (to != null) {
                    sum += seconds(from, to);
                }
                from = job.started();
                to = job.finished();
            } else if (job.finished().isAfter(to)) {
                to = job.finished();
            }
        }
        return to == null ? 0 : sum + seconds(from, to);
    }

    private boolean allEnded(List<ImportJobId> ids) {
        return jdbc.sql("select count(*) from import_job where id = any (?) and status in ('QUEUED', 'RUNNING')")
                .param(ids.stream().map(ImportJobId::value).toArray(Long[]::new)).query(Long.class).single() == 0;
    }

    private static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static void printMachine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), %d GB RAM, %s %s, Java %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, os.getTotalMemorySize() >> 30, os.getName(),
                os.getVersion(), Runtime.version());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportCheckId;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowRules;
import com.giftcardimport.security.TenantScope;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Runs whole-file checks in the background, on this node: each on two threads, the job's own {@link ChunkProducer}
 * (the same reader, validator and chunks as an import, CVVs left unencrypted as nothing is stored) and a
 * {@link CheckLoader} that finds what would fail at load instead of loading. At most
 * {@code app.import.max-running-checks} run at once; the others wait their turn. A check whose node stops is found
 * stale by the next request for it and started again ({@code ImportChecks}).
 */
@Component
public class CheckRunner {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    private final DataSource dataSource;
    private final TenantScope scope;
    private final PoolRulesQuery pools;
    private final FileStore files;
    private final ReadLimits limits;
    private final ImportSettings settings;
    private final Clock clock;
    private final long memoryPerCheck;
    private final ThreadPoolTaskExecutor checks = new ThreadPoolTaskExecutor();
    private final ThreadPoolTaskExecutor readers = new ThreadPoolTaskExecutor();
    private final Map<ImportCheckId, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    CheckRunner(DataSource dataSource, TenantScope scope, PoolRulesQuery pools, FileStore files, ReadLimits limits,
                ImportSettings settings, ObjectProvider<Clock> clock,
                @Value("${app.import.max-running-checks:2}") int maxRunning,
                @Value("${app.import.check-memory:64MB}") DataSize memoryPerCheck) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.pools = pools;
        this.files = files;
        this.limits = limits;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.memoryPerCheck = memoryPerCheck.toBytes();
        configure(checks, "check-", maxRunning, 10_000);
        configure(readers, "check-read-", maxRunning, 0);
    }

    private static void configure(ThreadPoolTaskExecutor executor, String prefix, int threads, int queue) {
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix(prefix);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    @PreDestroy
    void shutdown() {
        checks.shutdown();
        readers.shutdown();
    }

    /** Starts the check in the background (unless it runs here already). */
    public void start(CheckRepository.CheckRun check) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        if (running.putIfAbsent(check.id(), ended) != null) {
            return;
        }
        try {
            checks.execute(() -> {
                try {
                    run(check);
                } finally {
                    running.remove(check.id());
                    ended.complete(null);
                }
            });
        } catch (RuntimeException e) {
            running.remove(check.id());
            ended.complete(null);
            throw e;
        }
    }

    /** Whether the check runs on this node. */
    public boolean isRunning(ImportCheckId id) {
        return running.containsKey(id);
    }

    /** Waits until the check, if it runs on this node, has ended. */
    public void awaitEnd(ImportCheckId id) {
        CompletableFuture<Void> future = running.get(id);
        if (future != null) {
            future.join();
        }
    }

    private void run(CheckRepository.CheckRun check) {
        ImportJob asJob = new ImportJob(new ImportJobId(check.id().value()), check.projectId(), check.action(), null,
                check.storedFileId(), check.format(), check.header(), check.mapping(), null, ImportStatus.RUNNING,
                null, 0, 0, 0, 1, false);
        JobLayout layout = JobLayout.forCheck(check.id().value(), check.projectId().value(), check.header(),
                check.mapping());
        try (CheckLoader loader = new CheckLoader(dataSource, layout, check.action().createsCards(),
                memoryPerCheck)) {
            try {
                FileSource file = files.file(check.projectId(), check.storedFileId());
                RowRules rules = RowRules.of(check.action(), check.mapping(), check.header(),
                        check.action().createsCards()
                                ? scope.readInProject(check.projectId(), () -> pools.poolsOf(check.projectId()))
                                : Map.of(), clock);
                BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(2);
                ChunkProducer producer = new ChunkProducer(asJob, file, rules, null, limits, settings, layout, queue);
                readers.execute(producer);
                consume(loader, producer, queue);
            } catch (StoredFileNotFoundException e) {
                loader.finish(false, null, Text.of("failure.check.fileGone"));
            } catch (RuntimeException e) {
                log.error("Check {} of project {} failed", check.id(), check.projectId(), e);
                loader.finish(false, null, Text.of("failure.check.internal", e.getMessage()));
            }
        } catch (SQLException e) {
            log.error("Check {} of project {} could not run", check.id(), check.projectId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void consume(CheckLoader loader, ChunkProducer producer, BlockingQueue<Handover> queue)
            throws SQLException, InterruptedException {
        try {
            while (true) {
                switch (queue.poll(100, TimeUnit.MILLISECONDS)) {
                    case null -> { }
                    case Handover.Rows rows -> loader.check(rows.chunk());
                    case Handover.End end -> {
                        loader.finish(true, end.rowsRead(), null);
                        return;
                    }
                    case Handover.Failure failure -> {
                        loader.finish(false, null, failure.message());
                        return;
                    }
                }
            }
        } finally {
            producer.abort();
            queue.clear();
        }
    }
}

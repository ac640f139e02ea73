package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.read.CsvRowReader;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowValidator;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts queued jobs on the bounded import executor: at most {@link ImportSettings#maxRunningJobs()} at once and
 * {@link ImportSettings#maxRunningPerProject()} per project, fairly across projects (see {@link #dispatch()}); the
 * others stay QUEUED in the database and start when a slot frees. On start-up, jobs left RUNNING by a
 * stop go back to the queue and resume after their last committed row (or fail when their file is gone). Also
 * deletes stored files once their job has ended longer ago than the retention.
 * <p>
 * Works from the database only and never from a security context: jobs carry their project and launcher, and every
 * transaction of the runner is scoped to the job's project ({@link TenantScope}); only the lists of waiting,
 * interrupted and expired jobs cross projects, through narrow database functions.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /**
     * Jobs executing in this JVM, across application contexts (tests start several): recovery never takes these
     * over.
     */
    private static final Set<ImportJobId> ACTIVE_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final ImportJobRepository jobs;
    private final TenantScope scope;
    private final ChunkLoader loader;
    private final PoolRulesQuery pools;
    private final FileStore files;
    private final CvvCipher cipher;
    private final ReadLimits limits;
    private final ThreadPoolTaskExecutor executor;
    private final ImportProgressBus bus;
    private final ImportSettings settings;
    private final Clock clock;
    private final ExecutorService housekeeping = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("import-housekeeping").daemon().factory());

    private final Map<ImportJobId, JobExecution> running = new ConcurrentHashMap<>();
    /** Guarded by {@code this}. */
    private final Map<ProjectId, Integer> runningPerProject = new HashMap<>();
    /** When each project last got a slot, as a count of starts. Guarded by {@code this}. */
    private final Map<ProjectId, Long> lastStarted = new HashMap<>();
    private long starts;
    private volatile boolean ready;
    private volatile boolean stopping;

    ImportRunner(ImportJobRepository jobs, ChunkLoader loader, PoolRulesQuery pools, FileStore files,
                 CvvCipher cipher, ReadLimits limits, ThreadPoolTaskExecutor importExecutor, ImportProgressBus bus,
                 ImportSettings settings, ObjectProvider<Clock> clock, TenantScope scope) {
        this.scope = scope;
        this.jobs = jobs;
        this.loader = loader;
        this.pools = pools;
        this.files = files;
        this.cipher = cipher;
        this.limits = limits;
        this.executor = importExecutor;
        this.bus = bus;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onApplicationReady() {
        recover();
        ready = true;
        dispatch();
    }

    /**
     * Puts every job left RUNNING (by a stop of the server) back in the queue to resume after its last committed
     * row, or fails it when its file is gone; then starts what may start. Safe to call at any time: jobs executing
     * in this JVM are left alone.
     *
     * @return how many jobs were recovered
     */
    public int recover() {
        int recovered = 0;
        for (ImportJobRepository.ActiveJob left : jobs.running()) {
            if (ACTIVE_IN_THIS_JVM.contains(left.id())) {
                continue;
            }
            ImportJob job = jobs.load(left.projectId(), left.id()).orElse(null);
            if (job == null || job.status() != ImportStatus.RUNNING) {
                continue;
            }
            if (!files.exists(job.projectId(), job.storedFileId())) {
                if (jobs.failWithoutFile(job.projectId(), job.id(), "The import was interrupted by a restart of the "
                        + "server after row " + job.lastRowNumber() + ", and its file is no longer available to "
                        + "resume it")) {
                    publishCurrent(job.projectId(), job.id());
                }
                log.warn("Import {} was left running and its file is gone: failed", job.id());
            } else if (jobs.requeue(job.projectId(), job.id())) {
                publishCurrent(job.projectId(), job.id());
                log.info("Import {} was left running after row {}: queued to resume", job.id(),
                        job.lastRowNumber());
            }
            recovered++;
        }
        if (ready) {
            dispatch();
        }
        return recovered;
    }

    /**
     * Starts queued jobs while there are free slots: first one import of each project that has nothing running, the
     * project that got a slot least recently first and then the oldest launch, then second imports, and so on up to
     * the per-project limit. Called after a launch, when a job ends, and periodically. Called inside a transaction
     * (a launch), it runs once that transaction has committed, so the new job is there to see.
     */
    public void dispatch() {
        afterCommit(this::dispatchNow);
    }

    private synchronized void dispatchNow() {
        if (!ready || stopping) {
            return;
        }
        int total = runningPerProject.values().stream().mapToInt(Integer::intValue).sum();
        if (total >= settings.maxRunningJobs()) {
            return;
        }
        // a project with fewer running jobs goes first, then the project that got a slot least recently, then the
        // oldest launch (queued() is oldest first and the sort is stable): the imports queued by one project cannot
        // take every free slot while another project waits
        List<ImportJobRepository.ActiveJob> queued = new ArrayList<>(jobs.queued());
        queued.sort(Comparator.comparingLong(q -> lastStarted.getOrDefault(q.projectId(), Long.MIN_VALUE)));
        levels:
        for (int level = 0; level < settings.maxRunningPerProject(); level++) {
            for (ImportJobRepository.ActiveJob next : queued) {
                if (total >= settings.maxRunningJobs()) {
                    break levels;
                }
                if (runningPerProject.getOrDefault(next.projectId(), 0) > level
                        || ACTIVE_IN_THIS_JVM.contains(next.id())) {
                    continue;
                }
                if (!jobs.markRunning(next.projectId(), next.id())) {
                    continue;   // cancelled, or started by another runner
                }
                runningPerProject.merge(next.projectId(), 1, Integer::sum);
                lastStarted.put(next.projectId(), ++starts);
                total++;
                ACTIVE_IN_THIS_JVM.add(next.id());
                try {
                    executor.execute(() -> execute(next.id(), next.projectId()));
                } catch (RuntimeException e) {
                    ended(next.id(), next.projectId());
                    jobs.requeue(next.projectId(), next.id());
                    log.warn("Could not start import {}; it stays queued", next.id(), e);
                    break levels;
                }
            }
        }
    }

    /**
     * The server is stopping: no job starts any more. Running jobs are interrupted by the executor's shutdown and
     * stay RUNNING in the database, to resume after their last committed chunk on the next start.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        housekeeping.shutdownNow();
    }

    @Scheduled(initialDelayString = "${app.import.dispatch-interval:5s}",
            fixedDelayString = "${app.import.dispatch-interval:5s}")
    void dispatchPeriodically() {
        if (ready) {
            dispatch();
        }
    }

    /** Tells a job executing here to stop after its current chunk (the database flag is set by the caller). */
    public void signalCancel(ImportJobId id) {
        JobExecution execution = running.get(id);
        if (execution != null) {
            execution.signalCancel();
        }
    }

    /**
     * After a queued job was cancelled: counts its file's rows in the background (once the cancel has committed), so
     * the counters add up.
     */
    public void countRowsOfCancelled(ProjectId projectId, ImportJobId id) {
        afterCommit(() -> housekeeping.execute(() -> {
            try {
                ImportJob job = jobs.load(projectId, id).orElseThrow();
                Path path = files.path(job.projectId(), job.storedFileId());
                long rows = 0;
                try (InputStream in = Files.newInputStream(path);
                     CsvRowReader reader = CsvRowReader.open(in, job.format(), limits)) {
                    while (reader.hasNext()) {
                        reader.next();
                        rows++;
                    }
                }
                jobs.setTotalRows(projectId, id, job.importedRows() + job.failedRows() + rows);
                publishCurrent(projectId, id);
                deleteFileIfRetentionIsOver();
            } catch (Exception e) {
                log.info("Could not count the rows of cancelled import {}: {}", id, e.toString());
            }
        }));
    }

    /** Whether a job is executing in this JVM (tests wait on it). */
    public boolean isExecuting(ImportJobId id) {
        return ACTIVE_IN_THIS_JVM.contains(id);
    }

    /**
     * Deletes the stored files of jobs that ended longer ago than {@code app.import.file-retention}.
     *
     * @return how many were deleted
     */
    @Scheduled(initialDelayString = "${app.import.file-sweep-interval:1h}",
            fixedDelayString = "${app.import.file-sweep-interval:1h}")
    public int deleteFilesPastRetention() {
        int deleted = 0;
        for (ImportJobRepository.FileToDelete file : jobs.filesToDelete(clock.instant().minus(settings.fileRetention()))) {
            files.delete(file.projectId(), file.storedFileId());
            jobs.markFileDeleted(file.projectId(), file.id());
            deleted++;
        }
        return deleted;
    }

    private void deleteFileIfRetentionIsOver() {
        if (settings.fileRetention().isZero() || settings.fileRetention().isNegative()) {
            deleteFilesPastRetention();
        }
    }

    private void execute(ImportJobId id, ProjectId projectId) {
        try {
            ImportJob job = jobs.load(projectId, id).orElseThrow();
            if (job.status() != ImportStatus.RUNNING) {
                return;
            }
            Path path;
            try {
                path = files.path(job.projectId(), job.storedFileId());
            } catch (StoredFileNotFoundException e) {
                if (jobs.failWithoutFile(projectId, id, "The file of this import is no longer available")) {
                    publishCurrent(projectId, id);
                }
                return;
            }
            RowValidator validator = new RowValidator(job.mapping(), job.header(),
                    scope.readInProject(projectId, () -> pools.poolsOf(projectId)), clock);
            JobExecution execution = new JobExecution(job, path, validator, cipher, limits, loader, jobs, executor,
                    this::publish, settings);
            running.put(id, execution);
            execution.run();
        } catch (RuntimeException e) {
            log.error("Import {} could not run", id, e);
            if (jobs.finish(projectId, id, ImportStatus.FAILED, null, "The import could not run: " + e.getMessage())) {
                publishCurrent(projectId, id);
            }
        } finally {
            running.remove(id);
            ended(id, projectId);
            if (!stopping) {
                deleteFileIfRetentionIsOver();
                dispatchNow();
            }
        }
    }

    private synchronized void ended(ImportJobId id, ProjectId projectId) {
        ACTIVE_IN_THIS_JVM.remove(id);
        runningPerProject.computeIfPresent(projectId, (p, n) -> n > 1 ? n - 1 : null);
    }

    private void publish(ImportJob job, ImportStatus status, long imported, long failed, Long totalOrEstimate,
                         long lastRowNumber) {
        bus.publish(JobExecution.ImportProgressPublisher.progress(job, status, imported, failed, totalOrEstimate,
                lastRowNumber));
    }

    /**
     * Publishes a job's state as the database has it (after a change made outside an execution); inside a
     * transaction, once it has committed.
     */
    public void publishCurrent(ProjectId projectId, ImportJobId id) {
        afterCommit(() -> jobs.load(projectId, id).ifPresent(job -> publish(job, job.status(), job.importedRows(),
                job.failedRows(), job.totalRows() != null ? job.totalRows() : job.estimatedRows(),
                job.lastRowNumber())));
    }

    /**
     * Runs {@code action} now, or, when called inside a transaction, on the housekeeping thread after that
     * transaction has committed (and not at all when it rolls back): what it reads must be committed, and it opens
     * transactions of its own.
     */
    private void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (stopping) {
                    return;
                }
                try {
                    housekeeping.execute(action);
                } catch (RejectedExecutionException e) {
                    log.debug("The server is stopping: not run after commit");
                }
            }
        });
    }
}

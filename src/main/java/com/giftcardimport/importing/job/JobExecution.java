package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowRules;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: a {@link ChunkProducer} reads the file (from the row after the job's resume point), validates each
 * row and builds {@link Chunk}s on a thread of its own; the thread calling {@link #run()} hands them to loaders
 * ({@link ChunkLoader}, a status update's {@link StatusChangeLoader}) on the import executor, so parsing overlaps
 * loading. An import's chunks load {@code loaders-per-job} at a time, each in its own transaction on its own
 * connection, and commit in file order ({@link ChunkTurn}): the database works on two chunks at once, while the
 * resume point and the counters always describe a prefix of the file. A status update loads one chunk at a time. At
 * most two chunks wait between producer and loaders, so memory stays bounded whatever the file. After a cancel the
 * producer only counts the rest of the file, so that imported + failed + not processed = rows in the file.
 * <p>
 * Every commit holds the node's claim on the job ({@link JobFence}). Progress is announced by the database when each
 * commit lands (a trigger on {@code import_job}), so it reaches every node. {@link #stop()} (the node is stopping)
 * ends the run at the next chunk boundary without an end status: the job stays RUNNING and resumes after its last
 * committed chunk wherever the job engine runs it next.
 */
final class JobExecution {

    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);
    private static final int QUEUED_CHUNKS = 2;
    private final ImportJob job;
    private final ChunkProducer producer;
    private final ChunkLoader loader;
    private final StatusChangeLoader statusLoader;
    private final ImportJobRepository jobs;
    private final Executor executor;
    private final JobFence fence;
    private final ImportSettings settings;
    private final JobLayout layout;
    private final BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final int loaders;

    private volatile boolean cancelSignalled;
    private volatile boolean stopRequested;

    // the job's state, touched by the thread calling run() only
    private final Deque<Loading> loading = new ArrayDeque<>();
    private ChunkTurn lastTurn = ChunkTurn.start();
    private long imported;
    private long unchanged;
    private long failed;
    private long lastRow;
    private boolean cancelled;
    private boolean tryDirect;
    private ChunkLoader.Timings timings = ChunkLoader.Timings.ZERO;
    private long loaderWaiting;

    JobExecution(ImportJob job, FileSource file, RowRules validator, CvvCipher cipher, ReadLimits limits,
                 ChunkLoader loader, StatusChangeLoader statusLoader, ImportJobRepository jobs, Executor executor,
                 JobFence fence, ImportSettings settings) {
        this.job = job;
        this.loader = loader;
        this.statusLoader = statusLoader;
        this.jobs = jobs;
        this.executor = executor;
        this.fence = fence;
        this.settings = settings;
        this.layout = JobLayout.of(job.id().value(), job.projectId().value(), job.header(), job.mapping());
        this.producer = new ChunkProducer(job, file, validator, cipher, limits, settings, layout, queue);
        this.loaders = job.action().createsCards() ? settings.loadersPerJob() : 1;
    }

    /** A chunk handed to a loader, and what it will have done. */
    private record Loading(Chunk chunk, Future<ChunkLoader.Loaded> loaded) {
    }

    /** A cancel was asked for: the job stops after the chunk it is loading. */
    void signalCancel() {
        cancelSignalled = true;
    }

    /** The node is stopping: the run ends at the next chunk boundary, and the job resumes elsewhere. */
    void stop() {
        stopRequested = true;
    }

    /**
     * Runs the job on the calling thread.
     *
     * @return true when the job is done here (it reached its end status, or is no longer this node's to run); false
     *         when it was stopped before its end and is to resume after its last committed chunk
     */
    boolean run() {
        imported = job.importedRows();
        unchanged = job.unchangedRows();
        failed = job.failedRows();
        lastRow = job.lastRowNumber();
        cancelled = job.cancelRequested() || cancelSignalled;
        if (cancelled) {
            producer.countOnly();
        }
        executor.execute(producer);
        // straight into gift_card while the file brings no taken numbers; the staging way after one did
        tryDirect = settings.directCopy();
        try {
            while (true) {
                Handover next = poll();
                if (stopRequested && !(next instanceof Handover.End) && !(next instanceof Handover.Failure)) {
                    awaitLoaders();
                    log.info("Import {} stopped after row {}: this node is stopping; it resumes on another node",
                            job.id(), lastRow);
                    return false;
                }
                switch (next) {
                    case null -> { }
                    case Handover.Rows rows -> load(rows.chunk());
                    case Handover.End end -> {
                        awaitLoaders();
                        finish(end);
                        return true;
                    }
                    case Handover.Failure failure -> {
                        awaitLoaders();
                        fail(failure);
                        return true;
                    }
                }
            }
        } catch (ChunkLoader.JobNoLongerRunningException e) {
            log.info("Import {} stopped here: it is no longer running, or another node runs it", job.id());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Import {} interrupted after row {}; it resumes after it", job.id(), lastRow);
            return false;
        } catch (RuntimeException e) {
            failInternally(e);
            return true;
        } finally {
            producer.abort();
            queue.clear();
            abandonLoaders();
        }
    }

    /** The next handover, or null after a short wait so that a stop is noticed between chunks. */
    private Handover poll() throws InterruptedException {
        long waitStart = System.nanoTime();
        Handover next = queue.poll(100, TimeUnit.MILLISECONDS);
        loaderWaiting += System.nanoTime() - waitStart;
        return next;
    }

    /**
     * Hands a chunk to a loader once fewer than {@code loaders} chunks are loading (unless the job was cancelled:
     * then its rows count as not processed).
     */
    private void load(Chunk chunk) throws InterruptedException {
        while (!cancelled && loading.size() >= loaders) {
            applyOldest();
        }
        if (cancelled) {
            return;
        }
        ChunkTurn turn = lastTurn.next();
        lastTurn = turn;
        boolean direct = tryDirect;
        loading.add(new Loading(chunk, CompletableFuture.supplyAsync(() -> loadInTurn(chunk, direct, turn),
                executor)));
    }

    /** On a loader's thread: loads the chunk, then lets the next chunk commit if this one did and the job goes on. */
    private ChunkLoader.Loaded loadInTurn(Chunk chunk, boolean direct, ChunkTurn turn) {
        boolean goOn = false;
        try {
            ChunkLoader.Loaded loaded = job.action().createsCards() ? loader.load(layout, fence, chunk, direct, turn)
                    : statusLoader.load(layout, fence, chunk);
            goOn = loaded.committed() && !loaded.cancelRequested() && !cancelSignalled;
            return loaded;
        } finally {
            turn.complete(goOn);
        }
    }

    /** Waits for the oldest chunk handed to a loader and counts what it did; a loader's failure is rethrown. */
    private void applyOldest() throws InterruptedException {
        Loading oldest = loading.removeFirst();
        ChunkLoader.Loaded loaded;
        try {
            loaded = oldest.loaded().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (!loaded.committed()) {
            return;
        }
        tryDirect = settings.directCopy() && !loaded.hadDuplicates(oldest.chunk());
        timings = timings.plus(loaded.timings());
        imported += loaded.imported();
        unchanged += loaded.unchanged();
        failed += loaded.failed();
        lastRow = loaded.lastRowNumber();
        if (loaded.cancelRequested() || cancelSignalled) {
            cancelled = true;
            producer.countOnly();
        }
    }

    /** Waits until every chunk handed to a loader committed or rolled back, and counts them. */
    private void awaitLoaders() throws InterruptedException {
        while (!loading.isEmpty()) {
            applyOldest();
        }
    }

    /**
     * The run ends early (failure, interrupt): the chunks still loading roll back, since the turn of the chunk before
     * them says so, or commit in order; either way no loader is left behind holding a connection.
     */
    private void abandonLoaders() {
        for (Loading left : loading) {
            try {
                left.loaded().get();
            } catch (ExecutionException e) {
                log.debug("Import {}: a chunk loading at the end of the run failed too", job.id(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        loading.clear();
    }

    /** The file was read to its end: the job ends Completed, Completed with errors or Cancelled. */
    private void finish(Handover.End end) {
        long total = job.importedRows() + job.unchangedRows() + job.failedRows() + end.rowsRead();
        ImportStatus status = cancelled ? ImportStatus.CANCELLED
                : failed > 0 ? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.COMPLETED;
        if (jobs.finish(fence, job.projectId(), job.id(), status, total, null)) {
            log.info("Import {} of project {} ended {}: {} imported, {} unchanged, {} failed, {} rows", job.id(),
                    job.projectId(), status, imported, unchanged, failed, total);
            log.debug("Import {} timings: loader {}, waited {} s for rows; producer worked {} s, "
                            + "waited {} s for the loader", job.id(), timings, seconds(loaderWaiting),
                    seconds(producer.workingNanos()), seconds(producer.waitingNanos()));
        }
    }

    /** The file could not be read on: the job fails with the reader's message (or ends Cancelled). */
    private void fail(Handover.Failure failure) {
        ImportStatus status = cancelled ? ImportStatus.CANCELLED : ImportStatus.FAILED;
        Text message = cancelled ? null : failure.message();
        if (jobs.finish(fence, job.projectId(), job.id(), status, null, message)) {
            log.info("Import {} of project {} ended {} after row {}: {}", job.id(), job.projectId(),
                    status, lastRow, failure.message().english());
        }
    }

    private void failInternally(RuntimeException e) {
        log.error("Import {} of project {} failed after row {}", job.id(), job.projectId(), lastRow, e);
        jobs.finish(fence, job.projectId(), job.id(), ImportStatus.FAILED, null,
                Text.of("failure.import.internal", lastRow, e.getMessage()));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}

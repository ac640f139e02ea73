package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowRules;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on two threads: a {@link ChunkProducer} reads the file (from the row after the job's resume point),
 * validates each row and builds {@link Chunk}s; the loader (the thread calling {@link #run()}) commits them one by one
 * with {@link ChunkLoader} (a status update's with {@link StatusChangeLoader}), so parsing the next chunk overlaps
 * loading the previous one. At most two chunks wait
 * between them, so memory stays bounded whatever the file. After a cancel the producer only counts the rest of the
 * file, so that imported + failed + not processed = rows in the file.
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

    private volatile boolean cancelSignalled;
    private volatile boolean stopRequested;

    // the loader's state, touched by the thread calling run() only
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
                    log.info("Import {} stopped after row {}: this node is stopping; it resumes on another node",
                            job.id(), lastRow);
                    return false;
                }
                switch (next) {
                    case null -> { }
                    case Handover.Rows rows -> load(rows.chunk());
                    case Handover.End end -> {
                        finish(end);
                        return true;
                    }
                    case Handover.Failure failure -> {
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
        }
    }

    /** The next handover, or null after a short wait so that a stop is noticed between chunks. */
    private Handover poll() throws InterruptedException {
        long waitStart = System.nanoTime();
        Handover next = queue.poll(100, TimeUnit.MILLISECONDS);
        loaderWaiting += System.nanoTime() - waitStart;
        return next;
    }

    /** Commits a chunk (unless the job was cancelled: then its rows count as not processed). */
    private void load(Chunk chunk) {
        if (cancelled) {
            return;
        }
        ChunkLoader.Loaded loaded = job.action().createsCards() ? loader.load(layout, fence, chunk, tryDirect)
                : statusLoader.load(layout, fence, chunk);
        tryDirect = settings.directCopy() && !loaded.hadDuplicates(chunk);
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
        String message = cancelled ? null : failure.message();
        if (jobs.finish(fence, job.projectId(), job.id(), status, null, message)) {
            log.info("Import {} of project {} ended {} after row {}: {}", job.id(), job.projectId(),
                    status, lastRow, failure.message());
        }
    }

    private void failInternally(RuntimeException e) {
        log.error("Import {} of project {} failed after row {}", job.id(), job.projectId(), lastRow, e);
        String message = "The import stopped after row " + lastRow + " because of an internal error: "
                + e.getMessage();
        jobs.finish(fence, job.projectId(), job.id(), ImportStatus.FAILED, null, message);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}

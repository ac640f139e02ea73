package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on two threads: a {@link ChunkProducer} reads the file (from the row after the job's resume point),
 * validates each row and builds {@link Chunk}s; the loader (the thread calling {@link #run()}) commits them one by one with
 * {@link ChunkLoader}, so parsing the next chunk overlaps loading the previous one. At most two chunks wait
 * between them, so memory stays bounded whatever the file. After a cancel the producer only counts the rest of the
 * file, so that imported + failed + not processed = rows in the file.
 */
final class JobExecution {

    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);
    private static final int QUEUED_CHUNKS = 2;
    private final ImportJob job;
    private final ChunkProducer producer;
    private final ChunkLoader loader;
    private final ImportJobRepository jobs;
    private final Executor executor;
    private final ImportProgressPublisher progress;
    private final ImportSettings settings;
    private final JobLayout layout;
    private final BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);

    private volatile boolean cancelSignalled;

    // the loader's state, touched by the thread calling run() only
    private long imported;
    private long failed;
    private long lastRow;
    private boolean cancelled;
    private boolean tryDirect;
    private ChunkLoader.Timings timings = ChunkLoader.Timings.ZERO;
    private long loaderWaiting;

    JobExecution(ImportJob job, Path file, RowValidator validator, CvvCipher cipher, ReadLimits limits,
                 ChunkLoader loader, ImportJobRepository jobs, Executor executor, ImportProgressPublisher progress,
                 ImportSettings settings) {
        this.job = job;
        this.loader = loader;
        this.jobs = jobs;
        this.executor = executor;
        this.progress = progress;
        this.settings = settings;
        this.layout = JobLayout.of(job.id().value(), job.projectId().value(), job.header(), job.mapping());
        this.producer = new ChunkProducer(job, file, validator, cipher, limits, settings, layout, queue);
    }

    /** A cancel was asked for: the job stops after the chunk it is loading. */
    void signalCancel() {
        cancelSignalled = true;
    }

    /** Runs the job to its end status on the calling thread. */
    void run() {
        imported = job.importedRows();
        failed = job.failedRows();
        lastRow = job.lastRowNumber();
        cancelled = job.cancelRequested() || cancelSignalled;
        progress.publish(job, ImportStatus.RUNNING, imported, failed, job.estimatedRows(), lastRow);
        if (cancelled) {
            producer.countOnly();
        }
        executor.execute(producer);
        // straight into gift_card while the file brings no taken numbers; the staging way after one did
        tryDirect = settings.directCopy();
        try {
            while (true) {
                switch (take()) {
                    case Handover.Rows rows -> load(rows.chunk());
                    case Handover.End end -> {
                        finish(end);
                        return;
                    }
                    case Handover.Failure failure -> {
                        fail(failure);
                        return;
                    }
                }
            }
        } catch (ChunkLoader.JobNoLongerRunningException e) {
            log.info("Import {} stopped: it is no longer running", job.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("Import {} interrupted at row {}; it resumes on the next start", job.id(), lastRow);
        } catch (RuntimeException e) {
            failInternally(e);
        } finally {
            producer.abort();
            queue.clear();
        }
    }

    private Handover take() throws InterruptedException {
        long waitStart = System.nanoTime();
        Handover next = queue.take();
        loaderWaiting += System.nanoTime() - waitStart;
        return next;
    }

    /** Commits a chunk (unless the job was cancelled: then its rows count as not processed) and reports it. */
    private void load(Chunk chunk) {
        if (cancelled) {
            return;
        }
        ChunkLoader.Loaded loaded = loader.load(layout, chunk, tryDirect);
        tryDirect = settings.directCopy() && !loaded.hadDuplicates(chunk);
        timings = timings.plus(loaded.timings());
        imported += loaded.imported();
        failed += loaded.failed();
        lastRow = loaded.lastRowNumber();
        progress.publish(job, ImportStatus.RUNNING, imported, failed, job.estimatedRows(), lastRow);
        if (loaded.cancelRequested() || cancelSignalled) {
            cancelled = true;
            producer.countOnly();
        }
    }

    /** The file was read to its end: the job ends Completed, Completed with errors or Cancelled. */
    private void finish(Handover.End end) {
        long total = job.importedRows() + job.failedRows() + end.rowsRead();
        ImportStatus status = cancelled ? ImportStatus.CANCELLED
                : failed > 0 ? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.COMPLETED;
        if (jobs.finish(job.projectId(), job.id(), status, total, null)) {
            progress.publish(job, status, imported, failed, total, lastRow);
            log.info("Import {} of project {} ended {}: {} imported, {} failed, {} rows", job.id(),
                    job.projectId(), status, imported, failed, total);
            log.debug("Import {} timings: loader {}, waited {} s for rows; producer worked {} s, "
                            + "waited {} s for the loader", job.id(), timings, seconds(loaderWaiting),
                    seconds(producer.workingNanos()), seconds(producer.waitingNanos()));
        }
    }

    /** The file could not be read on: the job fails with the reader's message (or ends Cancelled). */
    private void fail(Handover.Failure failure) {
        ImportStatus status = cancelled ? ImportStatus.CANCELLED : ImportStatus.FAILED;
        String message = cancelled ? null : failure.message();
        if (jobs.finish(job.projectId(), job.id(), status, null, message)) {
            progress.publish(job, status, imported, failed, null, lastRow);
            log.info("Import {} of project {} ended {} after row {}: {}", job.id(), job.projectId(),
                    status, lastRow, failure.message());
        }
    }

    private void failInternally(RuntimeException e) {
        log.error("Import {} of project {} failed after row {}", job.id(), job.projectId(), lastRow, e);
        String message = "The import stopped after row " + lastRow + " because of an internal error: "
                + e.getMessage();
        if (jobs.finish(job.projectId(), job.id(), ImportStatus.FAILED, null, message)) {
            progress.publish(job, ImportStatus.FAILED, imported, failed, null, lastRow);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Publishes a job's progress; implemented by the runner. */
    interface ImportProgressPublisher {
        void publish(ImportJob job, ImportStatus status, long imported, long failed, Long totalOrEstimate,
                     long lastRowNumber);

        static ImportProgress progress(ImportJob job, ImportStatus status, long imported, long failed,
                                       Long totalOrEstimate, long lastRowNumber) {
            return new ImportProgress(job.projectId(), job.id(), status, imported, failed, totalOrEstimate,
                    lastRowNumber, Instant.now());
        }
    }
}

package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.CsvRowReader;
import com.giftcardimport.importing.read.MalformedFileException;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.InvalidRow;
import com.giftcardimport.importing.validate.RowOutcome;
import com.giftcardimport.importing.validate.RowValidator;
import com.giftcardimport.importing.validate.ValidCard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on two threads: a producer reads the file (from the row after the job's resume point), validates
 * each row and builds {@link Chunk}s; the loader (the thread calling {@link #run()}) commits them one by one with
 * {@link ChunkLoader}, so parsing the next chunk overlaps loading the previous one. At most two chunks wait
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
    /**
     * A chunk is handed over once it holds about this much, whatever its row count: with rows at the size limits
     * (a megabyte each) a chunk of {@code chunk-rows} rows would hold gigabytes. A chunk of ordinary rows stays far
     * below it (20,000 rows of a hundred characters are about 5 MB).
     */
    static final long MAX_CHUNK_BYTES = 8L << 20;

    /** What the producer hands over besides chunks. */
    private sealed interface Signal {
    }

    /** The file was read to its end: {@code rowsRead} rows after the resume point. */
    private record End(long rowsRead) implements Signal {
    }

    /** The file cannot be read on. */
    private record Failure(String message) implements Signal {
    }

    private final ImportJob job;
    private final FileSource file;
    private final RowValidator validator;
    private final CvvCipher cipher;
    private final ReadLimits limits;
    private final ChunkLoader loader;
    private final ImportJobRepository jobs;
    private final Executor executor;
    private final JobFence fence;
    private final ImportSettings settings;
    private final JobLayout layout;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);

    private volatile boolean cancelSignalled;
    private volatile boolean stopRequested;
    /** Nanoseconds the producer spent waiting for the loader, and working (read, validate, encrypt, encode). */
    private volatile long producerWaiting;
    private volatile long producerWorking;
    /** Set by the loader: the producer stops validating and only counts the remaining rows. */
    private volatile boolean countOnly;
    /** Set by the loader when it gives up: the producer stops at once. */
    private volatile boolean aborted;

    JobExecution(ImportJob job, FileSource file, RowValidator validator, CvvCipher cipher, ReadLimits limits,
                 ChunkLoader loader, ImportJobRepository jobs, Executor executor, JobFence fence,
                 ImportSettings settings) {
        this.job = job;
        this.file = file;
        this.validator = validator;
        this.cipher = cipher;
        this.limits = limits;
        this.loader = loader;
        this.jobs = jobs;
        this.executor = executor;
        this.fence = fence;
        this.settings = settings;
        this.layout = JobLayout.of(job.id().value(), job.projectId().value(), job.header(), job.mapping());
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
        long imported = job.importedRows();
        long failed = job.failedRows();
        long lastRow = job.lastRowNumber();
        boolean cancelled = job.cancelRequested() || cancelSignalled;
        long rowsBefore = imported + failed;
        if (cancelled) {
            countOnly = true;
        }
        executor.execute(this::produce);
        ChunkLoader.Timings timings = ChunkLoader.Timings.ZERO;
        // straight into gift_card while the file brings no taken numbers; the staging way after one did
        boolean tryDirect = settings.directCopy();
        long loaderWaiting = 0;
        try {
            while (true) {
                long waitStart = System.nanoTime();
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                loaderWaiting += System.nanoTime() - waitStart;
                if (stopRequested && !(item instanceof Signal)) {
                    log.info("Import {} stopped after row {}: this node is stopping; it resumes on another node",
                            job.id(), lastRow);
                    return false;
                }
                if (item instanceof Chunk chunk) {
                    if (cancelled) {
                        continue;   // read but not loaded: its rows count as not processed
                    }
                    ChunkLoader.Loaded loaded = loader.load(layout, fence, chunk, tryDirect);
                    tryDirect = settings.directCopy() && !loaded.hadDuplicates(chunk);
                    timings = timings.plus(loaded.timings());
                    imported += loaded.imported();
                    failed += loaded.failed();
                    lastRow = loaded.lastRowNumber();
                    if (loaded.cancelRequested() || cancelSignalled) {
                        cancelled = true;
                        countOnly = true;
                    }
                } else if (item instanceof End end) {
                    long total = rowsBefore + end.rowsRead();
                    ImportStatus status = cancelled ? ImportStatus.CANCELLED
                            : failed > 0 ? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.COMPLETED;
                    if (jobs.finish(fence, job.projectId(), job.id(), status, total, null)) {
                        log.info("Import {} of project {} ended {}: {} imported, {} failed, {} rows", job.id(),
                                job.projectId(), status, imported, failed, total);
                        log.debug("Import {} timings: loader {}, waited {} s for rows; producer worked {} s, "
                                        + "waited {} s for the loader", job.id(), timings, seconds(loaderWaiting),
                                seconds(producerWorking), seconds(producerWaiting));
                    }
                    return true;
                } else if (item instanceof Failure failure) {
                    ImportStatus status = cancelled ? ImportStatus.CANCELLED : ImportStatus.FAILED;
                    String message = cancelled ? null : failure.message();
                    if (jobs.finish(fence, job.projectId(), job.id(), status, null, message)) {
                        log.info("Import {} of project {} ended {} after row {}: {}", job.id(), job.projectId(),
                                status, lastRow, failure.message());
                    }
                    return true;
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
            log.error("Import {} of project {} failed after row {}", job.id(), job.projectId(), lastRow, e);
            String message = "The import stopped after row " + lastRow + " because of an internal error: "
                    + e.getMessage();
            jobs.finish(fence, job.projectId(), job.id(), ImportStatus.FAILED, null, message);
            return true;
        } finally {
            aborted = true;
            queue.clear();
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private void produce() {
        long rowsRead = 0;
        long started = System.nanoTime();
        try (InputStream in = file.open();
             CsvRowReader reader = CsvRowReader.open(in, job.format(), limits)) {
            if (!reader.header().equals(job.header())) {
                hand(new Failure("The file's header row is not the one it had at launch"));
                return;
            }
            if (job.lastRowNumber() > reader.headerRowNumber()) {
                reader.skipUntil(job.lastRowNumber() + 1);
            }
            Chunk chunk = newChunk();
            long intervalNanos = settings.chunkInterval().toNanos();
            while (reader.hasNext()) {
                SourceRow row = reader.next();
                rowsRead++;
                if (countOnly) {
                    if (aborted) {
                        return;
                    }
                    continue;
                }
                add(chunk, row);
                if (chunk.rowsRead() >= settings.chunkRows() || chunk.sizeBytes() >= MAX_CHUNK_BYTES
                        || ((rowsRead & 127) == 0 && chunk.ageNanos() >= intervalNanos)) {
                    hand(chunk);
                    chunk = newChunk();
                }
            }
            if (!chunk.isEmpty() && !countOnly) {
                hand(chunk);
            }
            producerWorking = System.nanoTime() - started - producerWaiting;
            hand(new End(rowsRead));
        } catch (MalformedFileException e) {
            handQuietly(new Failure(e.rowNumber() > 0 ? "Row " + e.rowNumber() + ": " + e.getMessage()
                    : e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            handQuietly(new Failure("The file could not be read: " + e.getMessage()));
        } catch (Aborted e) {
            // the loader gave up
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory…): without a Failure the loader would wait for this thread forever
            log.error("Reading import {} failed after {} rows", job.id(), rowsRead, e);
            handQuietly(new Failure("The file could not be read after " + rowsRead + " rows: " + e.getMessage()));
        }
    }

    private Chunk newChunk() {
        return new Chunk(layout, Math.min(settings.chunkRows(), 50_000));
    }

    private void add(Chunk chunk, SourceRow row) {
        RowOutcome outcome = validator.validate(row);
        switch (outcome) {
            case ValidCard card -> chunk.addCard(card.rowNumber(), row.cells(), card.poolId(), card.cardNumber(),
                    card.cvv() == null ? null : cipher.encrypt(card.cvv()), card.balance(), card.pointOfContact(),
                    card.purchasedAt(), card.expiresAt(), card.status());
            case InvalidRow invalid -> chunk.addErrors(invalid.rowNumber(), row.cells(), invalid.errors());
        }
    }

    private void hand(Object item) {
        long start = System.nanoTime();
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (aborted) {
                    throw new Aborted();
                }
            }
            producerWaiting += System.nanoTime() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Aborted();
        }
    }

    private void handQuietly(Signal signal) {
        try {
            hand(signal);
        } catch (Aborted ignored) {
            // nobody listens any more
        }
    }

    private static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }
}

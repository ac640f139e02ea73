package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.read.MalformedFileException;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowRules;
import com.giftcardimport.importing.validate.ValidCard;
import com.giftcardimport.importing.validate.ValidStatusChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading half of a {@link JobExecution}, on a thread of its own: reads the stored file through the
 * {@link RowPipeline} from the row after the job's resume point (each row validated on the way into the current
 * {@link Chunk}, CVVs encrypted), and hands the chunks to the loader
 * through a small queue (so memory stays bounded), then the end of the file or a failure. After a cancel it only
 * counts the rest of the file.
 * <p>
 * A whole-file check ({@link CheckRunner}) runs the same producer without a cipher: it stores no card, so it
 * encrypts no CVV.
 */
final class ChunkProducer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ChunkProducer.class);
    /**
     * A chunk is handed over once it holds about this much, whatever its row count: with rows at the size limits
     * (a megabyte each) a chunk of {@code chunk-rows} rows would hold gigabytes. A chunk of ordinary rows stays far
     * below it (20,000 rows of a hundred characters are about 5 MB).
     */
    static final long MAX_CHUNK_BYTES = 8L << 20;

    private final ImportJob job;
    private final FileSource file;
    private final RowRules validator;
    private final CvvCipher cipher;
    private final ReadLimits limits;
    private final ImportSettings settings;
    private final JobLayout layout;
    private final BlockingQueue<Handover> queue;

    /** Nanoseconds spent waiting for the loader, and working (read, validate, encrypt, encode). */
    private volatile long producerWaiting;
    private volatile long producerWorking;
    /** Set by the loader: stop validating and only count the remaining rows. */
    private volatile boolean countOnly;
    /** Set by the loader when it gives up: stop at once. */
    private volatile boolean aborted;

    ChunkProducer(ImportJob job, FileSource file, RowRules validator, CvvCipher cipher, ReadLimits limits,
                  ImportSettings settings, JobLayout layout, BlockingQueue<Handover> queue) {
        this.job = job;
        this.file = file;
        this.validator = validator;
        this.cipher = cipher;
        this.limits = limits;
        this.settings = settings;
        this.layout = layout;
        this.queue = queue;
    }

    /** From now on, only count the rows (the job was cancelled). */
    void countOnly() {
        countOnly = true;
    }

    /** The loader gave up: stop at once. */
    void abort() {
        aborted = true;
    }

    long waitingNanos() {
        return producerWaiting;
    }

    long workingNanos() {
        return producerWorking;
    }

    @Override
    public void run() {
        long rowsRead = 0;
        long started = System.nanoTime();
        try (RowPipeline reader = RowPipeline.open(file, job.format(), limits)) {
            if (!reader.header().equals(job.header())) {
                hand(new Handover.Failure(Text.of("failure.import.headerChanged")));
                return;
            }
            if (job.lastRowNumber() > reader.headerRowNumber()) {
                reader.skipUntil(job.lastRowNumber() + 1);
            }
            Chunk chunk = newChunk();
            RowPipeline.Target filling = new Filling(chunk, cipher);
            long intervalNanos = settings.chunkInterval().toNanos();
            while (reader.hasNext()) {
                if (countOnly) {
                    reader.next();
                    rowsRead++;
                    if (aborted) {
                        return;
                    }
                    continue;
                }
                reader.next(validator, filling);
                rowsRead++;
                if (chunk.rowsRead() >= settings.chunkRows() || chunk.sizeBytes() >= MAX_CHUNK_BYTES
                        || ((rowsRead & 127) == 0 && chunk.ageNanos() >= intervalNanos)) {
                    hand(new Handover.Rows(chunk));
                    chunk = newChunk();
                    filling = new Filling(chunk, cipher);
                }
            }
            if (!chunk.isEmpty() && !countOnly) {
                hand(new Handover.Rows(chunk));
            }
            producerWorking = System.nanoTime() - started - producerWaiting;
            hand(new Handover.End(rowsRead));
        } catch (MalformedFileException e) {
            handQuietly(new Handover.Failure(e.text()));
        } catch (IOException | UncheckedIOException e) {
            handQuietly(new Handover.Failure(Text.of("failure.import.unreadable", e.getMessage())));
        } catch (Aborted e) {
            // the loader gave up
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory…): without a Failure the loader would wait for this thread forever
            log.error("Reading import {} failed after {} rows", job.id(), rowsRead, e);
            handQuietly(new Handover.Failure(Text.of("failure.import.unreadableAfter", rowsRead, e.getMessage())));
        }
    }

    private Chunk newChunk() {
        return new Chunk(layout, Math.min(settings.chunkRows(), 50_000));
    }

    private void hand(Handover item) {
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

    private void handQuietly(Handover signal) {
        try {
            hand(signal);
        } catch (Aborted ignored) {
            // nobody listens any more
        }
    }

    /**
     * The per-row step's target: the current chunk, a card's CVV encrypted (a check has no cipher: it stores none).
     */
    private record Filling(Chunk chunk, CvvCipher cipher) implements RowPipeline.Target {

        @Override
        public void card(SourceRow row, ValidCard card) {
            chunk.addCard(card.rowNumber(), row.cells(), card.poolId(), card.cardNumber(),
                    card.cvv() == null || cipher == null ? null : cipher.encrypt(card.cvv()), card.balance(),
                    card.pointOfContact(), card.purchasedAt(), card.expiresAt(), card.status());
        }

        @Override
        public void statusChange(SourceRow row, ValidStatusChange change) {
            chunk.addStatusChange(change.rowNumber(), row.cells(), change.cardNumber(), change.status());
        }

        @Override
        public void failed(SourceRow row, List<RowError> errors) {
            chunk.addErrors(row.rowNumber(), row.cells(), errors);
        }
    }

    private static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }
}

package com.giftcardimport.importing.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * The place of one chunk in its job's commit order. Chunks of a job load in parallel (each on its own connection),
 * but each commits only after the chunk before it did, so the job's resume point and counters always describe a
 * prefix of the file: a node dying between two commits leaves no hole.
 * <p>
 * A chunk that waits for its turn holds its transaction open. If the chunk before it waits, in the database, for
 * a row this chunk inserted (the same card number in both chunks, the earlier one inserted later), neither could
 * ever go on; {@link #awaitPrevious} sees that through the database's own view of who blocks whom and tells the
 * caller to give way: roll back, wait for the chunk before, and load again.
 */
final class ChunkTurn {

    /** How long a waiting chunk waits between two checks of whether the chunk before it is stuck behind it. */
    private static final long CHECK_MILLIS = 50;

    private final ChunkTurn previous;
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private volatile int backendPid;

    private ChunkTurn(ChunkTurn previous) {
        this.previous = previous;
    }

    /** The turn before a job's first chunk: already taken, and the first chunk may commit. */
    static ChunkTurn start() {
        ChunkTurn start = new ChunkTurn(null);
        start.done.complete(true);
        return start;
    }

    /** The turn of the chunk after this one. */
    ChunkTurn next() {
        return new ChunkTurn(this);
    }

    /** The chunk's transaction runs on this database backend (set at the start of each of its transactions). */
    void runsOn(int pid) {
        backendPid = pid;
    }

    /**
     * Waits until the chunk before this one committed or gave up.
     *
     * @param blocks whether the database backend with the given pid waits for a lock held by this chunk's
     *               transaction; asked while waiting, about the chunk before
     * @return true when the chunk before committed and this one may commit; false when it rolled back, or the job
     *         stops after it (cancel, failure): this chunk must roll back too
     * @throws GiveWay when the chunk before waits for a row of this chunk's transaction
     */
    boolean awaitPrevious(IntPredicate blocks) throws InterruptedException {
        while (true) {
            try {
                return previous.done.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                int before = previous.backendPid;
                if (before != 0 && blocks.test(before)) {
                    throw new GiveWay();
                }
            } catch (ExecutionException e) {
                return false;
            }
        }
    }

    /** Waits, holding no transaction, until the chunk before this one committed or gave up. */
    void awaitPreviousQuietly() throws InterruptedException {
        try {
            previous.done.get();
        } catch (ExecutionException e) {
            // it gave up: this chunk's own wait for its turn says so
        }
    }

    /** This chunk is done: committed, and the next may commit ({@code goOn}), or not. */
    void complete(boolean goOn) {
        done.complete(goOn);
    }

    /** The chunk before waits for this chunk's transaction: roll back, let it pass, load again. */
    static final class GiveWay extends RuntimeException {
        GiveWay() {
            super(null, null, false, false);
        }
    }
}

package com.giftcardimport.importing.job;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one {@link Chunk} in one transaction: the chunk's valid cards go into {@code gift_card}, the duplicates
 * among them are found by the database and reported per row, the row errors go into {@code import_error}, and the
 * job's counters and resume point move on. Either all of it commits or none, so a resumed job never imports a card
 * twice and its counters always match its cards and errors. It commits only while the job row still holds this
 * node's claim ({@link JobFence}): after the job engine gave the job to another node, nothing of a chunk is kept.
 * <p>
 * Every transaction is scoped to the job's project first ({@link TenantScope}): row-level security lets it write
 * that project's rows only. PostgreSQL refuses {@code COPY FROM} into a table under row-level security, so the
 * binary COPY goes into temporary tables that live only for the transaction, and one {@code INSERT … SELECT} per
 * table moves the rows on (checked by the policies once per statement, not per row).
 * <p>
 * A job's chunks may load at the same time on several connections; each commits in its {@link ChunkTurn}, after the
 * chunk before it: the rows go in first, then the chunk waits for its turn, then it looks for duplicates (seeing the
 * cards of the chunk before), stores its errors and moves the job's counters. When the chunk before does not commit
 * (a failure, a cancel), it rolls back too.
 * <p>
 * Two ways in, same outcome:
 * <ul>
 *   <li><b>staging</b> (the general way): {@code INSERT … SELECT … ON CONFLICT (project_id, card_number) DO
 *       NOTHING}; when fewer rows went in than were staged, one join tells for each left-out row whether its number
 *       was taken before this row or by an earlier row of the same file (by {@code gift_card.import_row_number}).</li>
 *   <li><b>direct</b> (the fast way, when the caller expects no duplicates): a plain {@code INSERT … SELECT}. If no
 *       number is taken, that is all. If one is, the unique constraint stops the insert, the transaction is rolled
 *       back and the chunk takes the staging way in a new one. (No savepoint: rows written in a subtransaction cost
 *       more to insert and to read later.)</li>
 * </ul>
 */
@Component
class ChunkLoader {

    /** What one committed chunk did, and whether a cancel was asked for meanwhile. */
    record Loaded(long imported, long unchanged, long failed, long lastRowNumber, boolean cancelRequested,
                  boolean direct, Timings timings) {

        /** A chunk rolled back because the chunk before it did not commit or the job stops after it. */
        static Loaded notCommitted() {
            return new Loaded(0, 0, 0, -1, false, false, Timings.ZERO);
        }

        /** Whether the chunk committed. */
        boolean committed() {
            return lastRowNumber >= 0;
        }

        /** Whether the database found a taken card number in this chunk. */
        boolean hadDuplicates(Chunk chunk) {
            return imported < chunk.cardCount();
        }
    }

    /** Where a chunk's time went, in nanoseconds: for the job's log line and the benchmark. */
    record Timings(long direct, long stage, long insert, long turn, long duplicates, long errors, long commit) {
        static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0, 0);

        Timings plus(Timings o) {
            return new Timings(direct + o.direct, stage + o.stage, insert + o.insert, turn + o.turn,
                    duplicates + o.duplicates, errors + o.errors, commit + o.commit);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "direct COPY %.1f s, staging COPY %.1f s, insert %.1f s, "
                            + "waiting for the chunk before %.1f s, duplicates %.1f s, errors %.1f s, commit %.1f s",
                    direct / 1e9, stage / 1e9, insert / 1e9, turn / 1e9, duplicates / 1e9, errors / 1e9,
                    commit / 1e9);
        }
    }

    private record Duplicate(long rowNumber, boolean sameJob, Long firstRowNumber) {
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";
    /** A chunk gives way to the chunk before it, or loses a deadlock, at most this often before the job fails. */
    private static final int MAX_ATTEMPTS = 5;

    private static final String CREATE_STAGING = """
            create temp table gci_staging (
                project_id         bigint         not null,
                pool_id            bigint         not null,
                card_number        varchar(64)    not null,
                cvv_encrypted      bytea,
                balance            numeric(19, 2) not null,
                point_of_contact   varchar(255),
                purchased_at       timestamptz,
                expires_at         timestamptz,
                status             varchar(16)    not null,
                import_job_id      bigint         not null,
                import_row_number  bigint         not null
            ) on commit drop
            """;

    private static final String INSERT_CARDS_DIRECT = "insert into gift_card (" + Chunk.CARD_COLUMNS + ") select "
            + Chunk.CARD_COLUMNS + " from gci_staging";

    private static final String INSERT_CARDS = INSERT_CARDS_DIRECT + " on conflict (project_id, card_number) do nothing";

    /** The errors' twin of the card staging table: import_error's columns, without its constraints. */
    static final String CREATE_ERROR_STAGING =
            "create temp table gci_error_staging (like import_error) on commit drop";

    private static final String INSERT_ERRORS = "insert into import_error (" + Chunk.ERROR_COLUMNS + ") select "
            + Chunk.ERROR_COLUMNS + " from gci_error_staging";

    /** Staged rows whose card was not inserted from them: the number was taken before or by an earlier row. */
    private static final String FIND_DUPLICATES = """
            select s.import_row_number, g.import_job_id is not distinct from ? as same_job, g.import_row_number
              from gci_staging s
              join gift_card g on g.project_id = ? and g.card_number = s.card_number
             where g.import_job_id is distinct from ? or g.import_row_number is distinct from s.import_row_number
             order by s.import_row_number
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TenantScope scope;

    ChunkLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, TenantScope scope) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.scope = scope;
    }

    /** Loads the chunk the staging way, as a job's only chunk in flight. */
    Loaded load(JobLayout layout, JobFence fence, Chunk chunk) {
        return load(layout, fence, chunk, false, ChunkTurn.start().next());
    }

    /**
     * Loads the chunk; with {@code tryDirect}, first straight into {@code gift_card} in a transaction of its own,
     * and when a card number is taken, that transaction is rolled back and the chunk goes the staging way. It
     * commits in its {@code turn}: after the job's chunk before it committed.
     *
     * @return what the chunk did, or {@link Loaded#notCommitted()} when it rolled back because the chunk before did
     *         not commit or the job stops after it
     */
    Loaded load(JobLayout layout, JobFence fence, Chunk chunk, boolean tryDirect, ChunkTurn turn) {
        long wasted = 0;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                if (tryDirect && chunk.cardCount() > 0) {
                    try {
                        return inTransaction(layout, fence, chunk, true, turn, wasted);
                    } catch (NumberTaken e) {
                        long now = System.nanoTime();   // rolled back: nothing of it was kept
                        wasted += now - start;
                        start = now;
                    }
                }
                return inTransaction(layout, fence, chunk, false, turn, wasted);
            } catch (ChunkTurn.GiveWay | PessimisticLockingFailureException e) {
                // the chunk before waited for this one's rows (or the database broke such a wait): rolled back
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                wasted += System.nanoTime() - start;
                if (!awaitPreviousQuietly(turn)) {
                    return Loaded.notCommitted();
                }
            }
        }
    }

    private static boolean awaitPreviousQuietly(ChunkTurn turn) {
        try {
            turn.awaitPreviousQuietly();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Loaded inTransaction(JobLayout layout, JobFence fence, Chunk chunk, boolean direct, ChunkTurn turn,
                                 long wastedNanos) {
        long[] beforeCommit = new long[1];
        Loaded loaded;
        try {
            loaded = tx.execute(status -> {
                try {
                    Loaded inside = loadInTransaction(layout, fence, chunk, direct, turn);
                    beforeCommit[0] = System.nanoTime();
                    return inside;
                } catch (DuplicateKeyException e) {
                    if (direct) {
                        throw new NumberTaken();
                    }
                    throw e;
                } catch (SQLException e) {
                    if (direct && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new NumberTaken();
                    }
                    if (DEADLOCK.equals(e.getSQLState())) {
                        throw new CannotAcquireLockException("Rows up to " + chunk.lastRowNumber(), e);
                    }
                    throw new IllegalStateException("Loading rows up to " + chunk.lastRowNumber() + " failed: "
                            + e.getMessage(), e);
                }
            });
        } catch (NotItsTurn e) {
            return Loaded.notCommitted();
        }
        Timings t = loaded.timings();
        return new Loaded(loaded.imported(), 0, loaded.failed(), loaded.lastRowNumber(), loaded.cancelRequested(),
                loaded.direct(), new Timings(t.direct() + wastedNanos, t.stage(), t.insert(), t.turn(),
                t.duplicates(), t.errors(), System.nanoTime() - beforeCommit[0]));
    }

    private Loaded loadInTransaction(JobLayout layout, JobFence fence, Chunk chunk, boolean direct, ChunkTurn turn)
            throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        scope.enter(List.of(new ProjectId(layout.projectId())));
        int pid = jdbc.sql("select pg_backend_pid() from set_config('synchronous_commit', 'off', true)")
                .query(Integer.class).single();
        turn.runsOn(pid);
        long imported = 0;
        long t0 = System.nanoTime();
        long tDirect = t0;
        long tStage = t0;
        long tInsert = t0;
        if (chunk.cardCount() > 0) {
            jdbc.sql(CREATE_STAGING).update();
            copyIn(copy, "copy gci_staging (" + Chunk.CARD_COLUMNS + ") from stdin (format binary)", chunk.cards());
            tStage = System.nanoTime();
            imported = jdbc.sql(direct ? INSERT_CARDS_DIRECT : INSERT_CARDS).update();
            tInsert = System.nanoTime();
            if (direct) {
                tDirect = tStage = tInsert;
            }
        }
        awaitTurn(turn, pid);
        long tTurn = System.nanoTime();
        if (!direct && imported < chunk.cardCount()) {
            addDuplicates(layout, chunk, imported);
        }
        long tDuplicates = System.nanoTime();
        storeErrors(jdbc, copy, chunk);
        Boolean cancel = jdbc.sql("""
                        update import_job
                           set imported_rows = imported_rows + ?, failed_rows = failed_rows + ?,
                               last_row_number = greatest(last_row_number, ?)
                         where id = ? and status = 'RUNNING' and claim = ?
                        returning cancel_requested
                        """)
                .params(imported, chunk.failedRows(), chunk.lastRowNumber(), layout.jobId(), fence.token())
                .query(Boolean.class).optional()
                .orElseThrow(() -> new JobNoLongerRunningException(layout.jobId()));
        long tErrors = System.nanoTime();
        return new Loaded(imported, 0, chunk.failedRows(), chunk.lastRowNumber(), cancel,
                direct && chunk.cardCount() > 0,
                new Timings(tDirect - t0, tStage - tDirect, tInsert - tStage, tTurn - tInsert,
                        tDuplicates - tTurn, tErrors - tDuplicates, 0));
    }

    /**
     * Waits, with the chunk's rows inserted, until the chunk before committed; rolls back when it did not, or when
     * it waits for this chunk's rows. The duplicates are looked for after it, so they see its cards.
     */
    private void awaitTurn(ChunkTurn turn, int pid) {
        try {
            if (!turn.awaitPrevious(before -> Boolean.TRUE.equals(jdbc.sql("select ? = any(pg_blocking_pids(?))")
                    .params(pid, before).query(Boolean.class).single()))) {
                throw new NotItsTurn();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotItsTurn();
        }
    }

    /** The staged rows whose card was not inserted: each is reported as a duplicate of the card that took it. */
    private void addDuplicates(JobLayout layout, Chunk chunk, long imported) {
        List<Duplicate> duplicates = jdbc.sql(FIND_DUPLICATES)
                .params(layout.jobId(), layout.projectId(), layout.jobId())
                .query((rs, n) -> new Duplicate(rs.getLong(1), rs.getBoolean(2), (Long) rs.getObject(3)))
                .list();
        if (imported + duplicates.size() != chunk.cardCount()) {
            throw new IllegalStateException("Rows up to " + chunk.lastRowNumber() + ": " + imported
                    + " imported and " + duplicates.size() + " duplicates of " + chunk.cardCount());
        }
        duplicates.forEach(d -> chunk.addDuplicate(d.rowNumber(), d.sameJob(), d.firstRowNumber()));
    }

    /** The chunk before did not commit, or the job stops after it: this chunk's transaction is rolled back. */
    private static final class NotItsTurn extends RuntimeException {
        NotItsTurn() {
            super(null, null, false, false);
        }
    }

    /** The direct COPY met a card number that is taken: its transaction is rolled back. */
    private static final class NumberTaken extends RuntimeException {
        NumberTaken() {
            super(null, null, false, false);
        }
    }

    /** The chunk's row errors into {@code import_error}, through a temporary table (row-level security). */
    static void storeErrors(JdbcClient jdbc, CopyManager copy, Chunk chunk) throws SQLException {
        if (chunk.hasErrors()) {
            jdbc.sql(CREATE_ERROR_STAGING).update();
            copyIn(copy, "copy gci_error_staging (" + Chunk.ERROR_COLUMNS + ") from stdin (format binary)",
                    chunk.errors());
            jdbc.sql(INSERT_ERRORS).update();
        }
    }

    static void copyIn(CopyManager copy, String sql, PgBinaryCopy data) throws SQLException {
        int length = data.finish();
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(data.buffer(), 0, length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * The job row is no longer RUNNING (cancelled while queued), or the job engine gave it to another node: nothing
     * of the chunk is kept.
     */
    static final class JobNoLongerRunningException extends RuntimeException {
        JobNoLongerRunningException(long jobId) {
            super("Import " + jobId + " is no longer running");
        }
    }
}

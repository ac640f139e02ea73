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
import org.springframework.dao.DuplicateKeyException;
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

        /** Whether the database found a taken card number in this chunk. */
        boolean hadDuplicates(Chunk chunk) {
            return imported < chunk.cardCount();
        }
    }

    /** Where a chunk's time went, in nanoseconds: for the job's log line and the benchmark. */
    record Timings(long direct, long stage, long insert, long duplicates, long errors, long commit) {
        static final Timings ZERO = new Timings(0, 0, 0, 0, 0, 0);

        Timings plus(Timings o) {
            return new Timings(direct + o.direct, stage + o.stage, insert + o.insert, duplicates + o.duplicates,
                    errors + o.errors, commit + o.commit);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "direct COPY %.1f s, staging COPY %.1f s, insert %.1f s, "
                            + "duplicates %.1f s, errors %.1f s, commit %.1f s", direct / 1e9, stage / 1e9,
                    insert / 1e9, duplicates / 1e9, errors / 1e9, commit / 1e9);
        }
    }

    private record Duplicate(long rowNumber, boolean sameJob, Long firstRowNumber) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

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

    /** Loads the chunk the staging way. */
    Loaded load(JobLayout layout, JobFence fence, Chunk chunk) {
        return load(layout, fence, chunk, false);
    }

    /**
     * Loads the chunk; with {@code tryDirect}, first straight into {@code gift_card} in a transaction of its own,
     * and when a card number is taken, that transaction is rolled back and the chunk goes the staging way.
     */
    Loaded load(JobLayout layout, JobFence fence, Chunk chunk, boolean tryDirect) {
        long wasted = 0;
        if (tryDirect && chunk.cardCount() > 0) {
            long start = System.nanoTime();
            try {
                return inTransaction(layout, fence, chunk, true, 0);
            } catch (NumberTaken e) {
                wasted = System.nanoTime() - start;   // rolled back: nothing of it was kept
            }
        }
        return inTransaction(layout, fence, chunk, false, wasted);
    }

    private Loaded inTransaction(JobLayout layout, JobFence fence, Chunk chunk, boolean direct, long wastedNanos) {
        long[] beforeCommit = new long[1];
        Loaded loaded = tx.execute(status -> {
            try {
                Loaded inside = loadInTransaction(layout, fence, chunk, direct);
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
                throw new IllegalStateException("Loading rows up to " + chunk.lastRowNumber() + " failed: "
                        + e.getMessage(), e);
            }
        });
        Timings t = loaded.timings();
        return new Loaded(loaded.imported(), 0, loaded.failed(), loaded.lastRowNumber(), loaded.cancelRequested(),
                loaded.direct(), new Timings(t.direct() + wastedNanos, t.stage(), t.insert(), t.duplicates(),
                t.errors(), System.nanoTime() - beforeCommit[0]));
    }

    private Loaded loadInTransaction(JobLayout layout, JobFence fence, Chunk chunk, boolean direct)
            throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        scope.enter(List.of(new ProjectId(layout.projectId())));
        jdbc.sql("set local synchronous_commit = off").update();
        long imported = 0;
        long t0 = System.nanoTime();
        long tDirect = t0;
        long tStage = t0;
        long tInsert = t0;
        long tDuplicates = t0;
        if (chunk.cardCount() > 0 && direct) {
            jdbc.sql(CREATE_STAGING).update();
            copyIn(copy, "copy gci_staging (" + Chunk.CARD_COLUMNS + ") from stdin (format binary)", chunk.cards());
            imported = jdbc.sql(INSERT_CARDS_DIRECT).update();
            tDirect = tStage = tInsert = tDuplicates = System.nanoTime();
        } else if (chunk.cardCount() > 0) {
            jdbc.sql(CREATE_STAGING).update();
            copyIn(copy, "copy gci_staging (" + Chunk.CARD_COLUMNS + ") from stdin (format binary)", chunk.cards());
            tStage = System.nanoTime();
            imported = jdbc.sql(INSERT_CARDS).update();
            tInsert = System.nanoTime();
            tDuplicates = tInsert;
            if (imported < chunk.cardCount()) {
                List<Duplicate> duplicates = jdbc.sql(FIND_DUPLICATES)
                        .params(layout.jobId(), layout.projectId(), layout.jobId())
                        .query((rs, n) -> new Duplicate(rs.getLong(1), rs.getBoolean(2), (Long) rs.getObject(3)))
                        .list();
                if (imported + duplicates.size() != chunk.cardCount()) {
                    throw new IllegalStateException("Rows up to " + chunk.lastRowNumber() + ": " + imported
                            + " imported and " + duplicates.size() + " duplicates of " + chunk.cardCount());
                }
                duplicates.forEach(d -> chunk.addDuplicate(d.rowNumber(), d.sameJob(), d.firstRowNumber()));
                tDuplicates = System.nanoTime();
            }
        }
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
                new Timings(tDirect - t0, tStage - tDirect, tInsert - tStage, tDuplicates - tInsert,
                        tErrors - tDuplicates, 0));
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

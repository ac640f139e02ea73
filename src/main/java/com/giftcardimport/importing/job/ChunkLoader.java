package com.giftcardimport.importing.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one {@link Chunk} in one transaction: COPY (binary) of the chunk's valid cards into a staging table that
 * lives only for this transaction, one {@code INSERT … SELECT … ON CONFLICT DO NOTHING} into {@code gift_card},
 * the duplicates it left out found by one join, the row errors COPYed into {@code import_error}, and the job's
 * counters and resume point moved on. Either all of it commits or none, so a resumed job never imports a card
 * twice and its counters always match its cards and errors.
 */
@Component
class ChunkLoader {

    /** What one committed chunk did, and whether a cancel was asked for meanwhile. */
    record Loaded(long imported, long failed, long lastRowNumber, boolean cancelRequested) {
    }

    private record Duplicate(long rowNumber, boolean sameJob, Long firstRowNumber) {
    }

    private static final String CREATE_STAGING = """
            create temp table gci_staging (
                row_number        bigint        not null,
                pool_id           bigint        not null,
                card_number       varchar(64)   not null,
                cvv_encrypted     bytea,
                balance           numeric(19, 2) not null,
                point_of_contact  varchar(255),
                purchased_at      timestamptz,
                expires_at        timestamptz,
                status            varchar(16)   not null
            ) on commit drop
            """;

    private static final String INSERT_CARDS = """
            insert into gift_card (project_id, pool_id, card_number, cvv_encrypted, balance, point_of_contact,
                                   purchased_at, expires_at, status, import_job_id, import_row_number)
            select ?, pool_id, card_number, cvv_encrypted, balance, point_of_contact,
                   purchased_at, expires_at, status, ?, row_number
              from gci_staging
            on conflict (project_id, card_number) do nothing
            """;

    /** Staged rows whose card was not inserted from them: the number was taken before or by an earlier row. */
    private static final String FIND_DUPLICATES = """
            select s.row_number, g.import_job_id is not distinct from ? as same_job, g.import_row_number
              from gci_staging s
              join gift_card g on g.project_id = ? and g.card_number = s.card_number
             where g.import_job_id is distinct from ? or g.import_row_number is distinct from s.row_number
             order by s.row_number
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ChunkLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    Loaded load(JobLayout layout, Chunk chunk) {
        return tx.execute(status -> {
            try {
                return loadInTransaction(layout, chunk);
            } catch (SQLException e) {
                throw new IllegalStateException("Loading rows up to " + chunk.lastRowNumber() + " failed: "
                        + e.getMessage(), e);
            }
        });
    }

    private Loaded loadInTransaction(JobLayout layout, Chunk chunk) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        jdbc.sql("set local synchronous_commit = off").update();
        long imported = 0;
        if (chunk.cardCount() > 0) {
            jdbc.sql(CREATE_STAGING).update();
            copyIn(copy, "copy gci_staging (" + Chunk.STAGING_COLUMNS + ") from stdin (format binary)",
                    chunk.cards());
            imported = jdbc.sql(INSERT_CARDS).params(layout.projectId(), layout.jobId()).update();
            if (imported < chunk.cardCount()) {
                List<Duplicate> duplicates = jdbc.sql(FIND_DUPLICATES)
                        .params(layout.jobId(), layout.projectId(), layout.jobId())
                        .query((rs, n) -> new Duplicate(rs.getLong(1), rs.getBoolean(2),
                                (Long) rs.getObject(3)))
                        .list();
                if (imported + duplicates.size() != chunk.cardCount()) {
                    throw new IllegalStateException("Rows up to " + chunk.lastRowNumber() + ": " + imported
                            + " imported and " + duplicates.size() + " duplicates of " + chunk.cardCount());
                }
                duplicates.forEach(d -> chunk.addDuplicate(d.rowNumber(), d.sameJob(), d.firstRowNumber()));
            }
        }
        if (chunk.hasErrors()) {
            copyIn(copy, "copy import_error (" + Chunk.ERROR_COLUMNS + ") from stdin (format binary)",
                    chunk.errors());
        }
        Boolean cancel = jdbc.sql("""
                        update import_job
                           set imported_rows = imported_rows + ?, failed_rows = failed_rows + ?,
                               last_row_number = greatest(last_row_number, ?)
                         where id = ? and status = 'RUNNING'
                        returning cancel_requested
                        """)
                .params(imported, chunk.failedRows(), chunk.lastRowNumber(), layout.jobId())
                .query(Boolean.class).optional()
                .orElseThrow(() -> new JobNoLongerRunningException(layout.jobId()));
        return new Loaded(imported, chunk.failedRows(), chunk.lastRowNumber(), cancel);
    }

    private static void copyIn(CopyManager copy, String sql, PgBinaryCopy data) throws SQLException {
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

    /** The job row is no longer RUNNING (cancelled while queued, or taken over): nothing of the chunk is kept. */
    static final class JobNoLongerRunningException extends RuntimeException {
        JobNoLongerRunningException(long jobId) {
            super("Import " + jobId + " is no longer running");
        }
    }
}

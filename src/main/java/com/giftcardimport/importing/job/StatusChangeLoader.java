package com.giftcardimport.importing.job;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one {@link Chunk} of a status update (SPEC §13) in one transaction scoped to the job's project, in four
 * statements whatever the chunk's size: the rows go by binary COPY into a temporary table; one
 * {@code INSERT … SELECT} records, for every row whose number is a card of the project not named by an earlier row of the file, the card's
 * status before and after (locking the cards, in id order); one {@code UPDATE … FROM} sets the statuses that change;
 * one query finds the rows left out (an unknown number, or a card an earlier row named) for their errors. The job's
 * counters (changed as imported, unchanged, failed) and resume point move on in the same transaction, under the
 * node's claim ({@link JobFence}), exactly as for adding cards.
 */
@Component
class StatusChangeLoader {

    private static final String CREATE_STAGING = """
            create temp table gci_status_staging (
                card_number        varchar(64) not null,
                status             varchar(16) not null,
                import_row_number  bigint      not null
            ) on commit drop
            """;

    /** The cards the chunk names, first row of the file winning: what they were, what they become. */
    private static final String RECORD_CHANGES = """
            insert into import_status_change (job_id, project_id, gift_card_id, row_number, previous_status,
                                              new_status, status_revision)
            select ?, g.project_id, g.id, s.import_row_number, g.status, s.status,
                   g.status_revision + case when g.status = s.status then 0 else 1 end
              from gci_status_staging s
              join gift_card g on g.project_id = ? and g.card_number = s.card_number
             order by g.id
               for update of g
            on conflict (job_id, gift_card_id) do nothing
            """;

    private static final String SET_STATUSES = """
            update gift_card g set status = c.new_status
              from import_status_change c
              join gci_status_staging s on s.import_row_number = c.row_number
             where c.job_id = ? and c.project_id = ? and g.id = c.gift_card_id and c.previous_status <> c.new_status
            """;

    /** Staged rows not recorded: no such card in the project (no row), or an earlier row named it (its row). */
    private static final String LEFT_OUT = """
            select s.import_row_number, c.row_number
              from gci_status_staging s
              left join gift_card g on g.project_id = ? and g.card_number = s.card_number
              left join import_status_change c on c.job_id = ? and c.gift_card_id = g.id
             where c.row_number is distinct from s.import_row_number
             order by s.import_row_number
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TenantScope scope;

    StatusChangeLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, TenantScope scope) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.scope = scope;
    }

    ChunkLoader.Loaded load(JobLayout layout, JobFence fence, Chunk chunk) {
        return tx.execute(status -> {
            try {
                return loadInTransaction(layout, fence, chunk);
            } catch (SQLException e) {
                throw new IllegalStateException("Updating statuses up to row " + chunk.lastRowNumber() + " failed: "
                        + e.getMessage(), e);
            }
        });
    }

    private ChunkLoader.Loaded loadInTransaction(JobLayout layout, JobFence fence, Chunk chunk) throws SQLException {
        long start = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        scope.enter(List.of(new ProjectId(layout.projectId())));
        jdbc.sql("set local synchronous_commit = off").update();
        long changed = 0;
        long unchanged = 0;
        if (chunk.cardCount() > 0) {
            jdbc.sql(CREATE_STAGING).update();
            ChunkLoader.copyIn(copy, "copy gci_status_staging (card_number, status, import_row_number) from stdin "
                    + "(format binary)", chunk.cards());
            long recorded = jdbc.sql(RECORD_CHANGES).params(layout.jobId(), layout.projectId()).update();
            changed = jdbc.sql(SET_STATUSES).params(layout.jobId(), layout.projectId()).update();
            unchanged = recorded - changed;
            if (recorded < chunk.cardCount()) {
                List<LeftOut> leftOut = jdbc.sql(LEFT_OUT).params(layout.projectId(), layout.jobId())
                        .query((rs, n) -> new LeftOut(rs.getLong(1), (Long) rs.getObject(2))).list();
                if (recorded + leftOut.size() != chunk.cardCount()) {
                    throw new IllegalStateException("Rows up to " + chunk.lastRowNumber() + ": " + recorded
                            + " recorded and " + leftOut.size() + " left out of " + chunk.cardCount());
                }
                leftOut.forEach(row -> chunk.addStatusFailure(row.rowNumber(), row.firstRowNumber()));
            }
        }
        ChunkLoader.storeErrors(jdbc, copy, chunk);
        Boolean cancel = jdbc.sql("""
                        update import_job
                           set imported_rows = imported_rows + ?, unchanged_rows = unchanged_rows + ?,
                               failed_rows = failed_rows + ?, last_row_number = greatest(last_row_number, ?)
                         where id = ? and status = 'RUNNING' and claim = ?
                        returning cancel_requested
                        """)
                .params(changed, unchanged, chunk.failedRows(), chunk.lastRowNumber(), layout.jobId(), fence.token())
                .query(Boolean.class).optional()
                .orElseThrow(() -> new ChunkLoader.JobNoLongerRunningException(layout.jobId()));
        long elapsed = System.nanoTime() - start;
        return new ChunkLoader.Loaded(changed, unchanged, chunk.failedRows(), chunk.lastRowNumber(), cancel, false,
                new ChunkLoader.Timings(0, 0, elapsed, 0, 0, 0));
    }

    private record LeftOut(long rowNumber, Long firstRowNumber) {
    }
}

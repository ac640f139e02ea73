package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the undo of an import on the job engine ({@link ImportTasks#UNDO}), in batches of cards taken in id order,
 * each batch one transaction scoped to the project with three set-based statements: the cards that changed since the
 * import are recorded as kept, the others deleted (an undo of added cards) or given their previous status back (an
 * undo of a status update), and the undo's counters and resume point (the last card id) move on. Like an import, it
 * writes only while its row holds this node's claim ({@link JobFence}); a node that dies leaves it to the engine,
 * which revives it on another node, where it resumes after the last committed batch.
 */
@Component
class UndoRunner {

    private static final Logger log = LoggerFactory.getLogger(UndoRunner.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TenantScope scope;
    private final int batchSize;
    private volatile boolean stopping;

    UndoRunner(JdbcClient jdbc, TransactionTemplate tx, TenantScope scope,
               @Value("${app.import.undo-batch:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.scope = scope;
        this.batchSize = batchSize;
    }

    /**
     * Runs the undo to its end, or until this node stops.
     *
     * @return true when it is done here (ended, or no longer this node's); false when the node is stopping and the
     *         undo is to resume elsewhere
     */
    boolean run(ImportJobId job, ProjectId project, JobFence fence) {
        if (stopping) {
            return false;
        }
        boolean claimed = scope.inProject(project, () -> jdbc.sql("""
                        update import_undo set claim = ? where project_id = ? and job_id = ? and status = 'RUNNING'
                        """)
                .params(fence.token(), project.value(), job.value()).update() == 1);
        if (!claimed) {
            return true;
        }
        try {
            ImportAction action = scope.readInProject(project, () -> jdbc.sql("""
                            select import_action from import_job where project_id = ? and id = ?
                            """)
                    .params(project.value(), job.value()).query(String.class).optional().map(ImportAction::valueOf)
                    .orElseThrow(() -> new IllegalStateException("The import is gone")));
            while (!stopping) {
                if (!Boolean.TRUE.equals(tx.execute(status -> batch(job, project, fence, action)))) {
                    log.info("Undo of import {} of project {} finished", job, project);
                    return true;
                }
            }
            log.info("Undo of import {} stopped: this node is stopping; it resumes on another node", job);
            return false;
        } catch (NoLongerOurs e) {
            return true;
        } catch (RuntimeException e) {
            log.error("Undo of import {} of project {} failed", job, project, e);
            Text failure = Text.of("failure.undo.internal", e.getMessage());
            scope.inProject(project, () -> jdbc.sql("""
                            update import_undo set status = 'FAILED', finished_at = now(), failure_message = ?,
                                                   failure_message_key = ?, failure_message_args = ?::text[]
                             where project_id = ? and job_id = ? and status = 'RUNNING' and claim = ?
                            """)
                    .params(ImportJobRepository.english(failure), ImportJobRepository.key(failure),
                            ImportJobRepository.arguments(failure), project.value(), job.value(), fence.token())
                    .update());
            return true;
        }
    }

    /** One batch; false when there was none left and the undo is now COMPLETED. */
    private boolean batch(ImportJobId job, ProjectId project, JobFence fence, ImportAction action) {
        scope.enter(List.of(project));
        long after = jdbc.sql("select last_card_id from import_undo where project_id = ? and job_id = ?")
                .params(project.value(), job.value()).query(Long.class).single();
        String cards = (action.createsCards() ? ImportUndoRepository.ADDED_CARDS : ImportUndoRepository.CHANGED_CARDS)
                + " and g.id > ? order by g.id limit ? for update of g";
        String undo = action.createsCards()
                ? "delete from gift_card g using batch b "
                        + "where g.id = b.id and not (b.status_changed or b.balance_changed)"
                : "update gift_card g set status = b.previous_status from batch b "
                        + "where g.id = b.id and not b.status_changed";
        long[] done = jdbc.sql("with batch as (" + cards + "), "
                        + "kept as (insert into import_undo_kept (job_id, project_id, card_id, card_number, "
                        + "status_changed, balance_changed, status, balance) "
                        + "select ?, ?, id, card_number, status_changed, balance_changed, status, balance from batch "
                        + "where status_changed or balance_changed on conflict do nothing returning 1), "
                        + "undone as (" + undo + " returning 1) "
                        + "select coalesce((select max(id) from batch), 0), (select count(*) from undone), "
                        + "(select count(*) from kept)")
                .params(project.value(), job.value(), after, batchSize, job.value(), project.value())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        if (done[0] == 0) {
            finishUpdate(jdbc.sql("""
                    update import_undo set status = 'COMPLETED', finished_at = now(),
                           total_cards = undone_cards + kept_cards
                     where project_id = ? and job_id = ? and status = 'RUNNING' and claim = ?
                    """).params(project.value(), job.value(), fence.token()).update());
            return false;
        }
        finishUpdate(jdbc.sql("""
                update import_undo set undone_cards = undone_cards + ?, kept_cards = kept_cards + ?, last_card_id = ?
                 where project_id = ? and job_id = ? and status = 'RUNNING' and claim = ?
                """).params(done[1], done[2], done[0], project.value(), job.value(), fence.token()).update());
        return true;
    }

    /** A write to the undo row that changed nothing: another node holds it now; this batch rolls back. */
    private static void finishUpdate(int updated) {
        if (updated != 1) {
            throw new NoLongerOurs();
        }
    }

    /** The node (re)starts. */
    void resume() {
        stopping = false;
    }

    /** The node is stopping: running undos end after their current batch. */
    void stopAll() {
        stopping = true;
    }

    private static final class NoLongerOurs extends RuntimeException {
        NoLongerOurs() {
            super(null, null, false, false);
        }
    }
}

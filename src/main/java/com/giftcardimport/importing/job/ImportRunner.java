package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.project.ProjectId;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the import service asks of the cluster job engine. The parts: {@link ImportDispatcher} (which queued imports
 * start, across the cluster, fairly: {@link DispatchPolicy}), {@link JobRunner} (the imports running on this node),
 * {@link ImportHousekeeping} (stored files past retention, counting cancelled files) and {@link ImportTasks} (what
 * the engine runs). There is no recovery on start-up: an import whose node died is revived by the engine once its
 * heartbeats stopped, so a node that starts never touches an import that a live node runs.
 */
@Component
public class ImportRunner {

    private final ImportDispatcher dispatcher;
    private final JobRunner runner;
    private final ImportHousekeeping housekeeping;
    private final JobEngine engine;

    ImportRunner(ImportDispatcher dispatcher, JobRunner runner, ImportHousekeeping housekeeping,
                 JobEngine engine) {
        this.dispatcher = dispatcher;
        this.runner = runner;
        this.housekeeping = housekeeping;
        this.engine = engine;
    }

    /**
     * Starts the queued imports that may start now, on whichever nodes pick them. Inside a transaction (a launch),
     * once it has committed.
     */
    public void dispatch() {
        dispatcher.dispatch();
    }

    /**
     * Tells a job running on this node to stop after its current chunk; on another node the job notices the
     * database flag (set by the caller) at its next chunk.
     */
    public void signalCancel(ImportJobId id) {
        runner.signalCancel(id);
    }

    /**
     * After a queued job was cancelled: has its file's rows counted by the job engine (once the cancel has committed,
     * on whichever node), so the counters add up.
     */
    public void countRowsOfCancelled(ProjectId projectId, ImportJobId id) {
        engine.client().scheduleIfNotExists(ImportTasks.COUNT_ROWS.instance(Long.toString(id.value()))
                .data(projectId.value()).build(), Instant.now());
    }

    /**
     * Hands the undo of an import (its row just inserted, RUNNING) to the job engine, inside the caller's
     * transaction; the first free node picks it once that transaction has committed.
     */
    public void scheduleUndo(ProjectId projectId, ImportJobId id) {
        engine.client().scheduleIfNotExists(ImportTasks.UNDO.instance(Long.toString(id.value()))
                .data(projectId.value()).build(), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    engine.checkForDueExecutions();
                }
            });
        }
    }

    /**
     * Deletes the stored files of jobs that ended longer ago than {@code app.import.file-retention} (the job engine
     * does it every {@code app.import.file-sweep-interval}).
     *
     * @return how many were deleted
     */
    public int deleteFilesPastRetention() {
        return housekeeping.deleteFilesPastRetention();
    }
}

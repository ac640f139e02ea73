package com.giftcardimport.importing.job;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tasks this application gives the job engine (db-scheduler), and what each does on the node that picks it:
 * <ul>
 *   <li>{@link #IMPORT}: one execution per running import (instance = the job id, data = its project id). Done: the
 *       execution is removed. Stopped because the node is stopping: rescheduled for now, so another node picks it
 *       (or this one on its next start). A node that dies stops heartbeating; the engine declares the execution dead
 *       and revives it, and another node resumes the import after its last committed chunk.</li>
 *   <li>{@link #COUNT_ROWS}: counts the rows of an import cancelled while queued, so its counters add up.</li>
 *   <li>{@link #UNDO}: the undo of an import (instance = the job id, data = its project id), rescheduled like an
 *       import when the node stops, revived like one when the node dies ({@link UndoRunner}).</li>
 *   <li>recurring, each on one node at a time: dispatching ({@code app.import.dispatch-interval}), deleting stored
 *       files past their retention ({@code app.import.file-sweep-interval}) and abandoned uploads
 *       ({@code app.upload.sweep-interval}).</li>
 * </ul>
 */
@Component
class ImportTasks {

    static final TaskDescriptor<Long> IMPORT = TaskDescriptor.of("import", Long.class);
    static final TaskDescriptor<Long> COUNT_ROWS = TaskDescriptor.of("import-count-rows", Long.class);
    static final TaskDescriptor<Long> UNDO = TaskDescriptor.of("import-undo", Long.class);

    private final JobRunner runner;
    private final UndoRunner undoRunner;
    private final ImportHousekeeping housekeeping;
    private final FileStore files;
    private final ObjectProvider<ImportDispatcher> dispatcher;
    private final Duration dispatchInterval;
    private final Duration fileSweepInterval;
    private final Duration uploadSweepInterval;

    ImportTasks(JobRunner runner, UndoRunner undoRunner, ImportHousekeeping housekeeping, FileStore files,
                ObjectProvider<ImportDispatcher> dispatcher,
                @Value("${app.import.dispatch-interval:5s}") Duration dispatchInterval,
                @Value("${app.import.file-sweep-interval:1h}") Duration fileSweepInterval,
                @Value("${app.upload.sweep-interval:15m}") Duration uploadSweepInterval) {
        this.runner = runner;
        this.undoRunner = undoRunner;
        this.housekeeping = housekeeping;
        this.files = files;
        this.dispatcher = dispatcher;
        this.dispatchInterval = dispatchInterval;
        this.fileSweepInterval = fileSweepInterval;
        this.uploadSweepInterval = uploadSweepInterval;
    }

    List<Task<?>> all() {
        Task<Long> importTask = Tasks.custom(IMPORT)
                .onFailureReschedule(Schedules.fixedDelay(Duration.ofSeconds(5)))
                .execute(this::runImport);
        Task<Long> countRows = Tasks.oneTime(COUNT_ROWS)
                .execute((instance, context) -> housekeeping.countRowsOfCancelled(new ProjectId(instance.getData()),
                        new ImportJobId(Long.parseLong(instance.getId()))));
        Task<Long> undo = Tasks.custom(UNDO)
                .onFailureReschedule(Schedules.fixedDelay(Duration.ofSeconds(5)))
                .execute(this::runUndo);
        return List.of(importTask, countRows, undo,
                Tasks.recurring("import-dispatch", Schedules.fixedDelay(dispatchInterval))
                        .execute((instance, context) -> dispatcher.getObject().dispatchNow()),
                Tasks.recurring("import-file-retention", Schedules.fixedDelay(fileSweepInterval))
                        .execute((instance, context) -> housekeeping.deleteFilesPastRetention()),
                Tasks.recurring("upload-sweep", Schedules.fixedDelay(uploadSweepInterval))
                        .execute((instance, context) -> files.sweep()));
    }

    private CompletionHandler<Long> runUndo(TaskInstance<Long> instance, ExecutionContext context) {
        Execution execution = context.getExecution();
        if (undoRunner.run(new ImportJobId(Long.parseLong(instance.getId())), new ProjectId(instance.getData()),
                new JobFence(execution.pickedBy, execution.version))) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        return (complete, operations) -> operations.reschedule(complete, Instant.now());
    }

    private CompletionHandler<Long> runImport(TaskInstance<Long> instance, ExecutionContext context) {
        Execution execution = context.getExecution();
        JobFence fence = new JobFence(execution.pickedBy, execution.version);
        ImportJobId id = new ImportJobId(Long.parseLong(instance.getId()));
        ProjectId project = new ProjectId(instance.getData());
        if (runner.run(id, project, fence)) {
            housekeeping.deleteFileIfRetentionIsOver();
            dispatcher.getObject().dispatch();
            return new CompletionHandler.OnCompleteRemove<>();
        }
        return (complete, operations) -> operations.reschedule(complete, Instant.now());
    }
}

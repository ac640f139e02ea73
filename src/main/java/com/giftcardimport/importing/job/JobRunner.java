package com.giftcardimport.importing.job;

import com.giftcardimport.card.CvvCipher;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.validate.RowRules;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs the imports that the job engine gave to this node, each on the engine's thread (the loader) and one thread of
 * the bounded import executor (the producer). Knows only the imports running here: a cancel asked on this node
 * reaches them at once, one asked on another node at their next chunk (the flag in the job row). When the node
 * stops, {@link #stopAll()} ends every run at its next chunk boundary, to resume on another node.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final ImportJobRepository jobs;
    private final TenantScope scope;
    private final ChunkLoader loader;
    private final StatusChangeLoader statusLoader;
    private final PoolRulesQuery pools;
    private final FileStore files;
    private final CvvCipher cipher;
    private final ReadLimits limits;
    private final ThreadPoolTaskExecutor executor;
    private final ImportSettings settings;
    private final Clock clock;
    private final Map<ImportJobId, JobExecution> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    JobRunner(ImportJobRepository jobs, TenantScope scope, ChunkLoader loader, StatusChangeLoader statusLoader,
              PoolRulesQuery pools, FileStore files,
              CvvCipher cipher, ReadLimits limits, ThreadPoolTaskExecutor importExecutor, ImportSettings settings,
              ObjectProvider<Clock> clock) {
        this.jobs = jobs;
        this.scope = scope;
        this.loader = loader;
        this.statusLoader = statusLoader;
        this.pools = pools;
        this.files = files;
        this.cipher = cipher;
        this.limits = limits;
        this.executor = importExecutor;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Runs a job that the dispatcher marked RUNNING, from the row after its last committed one, once this node's claim
     * on it is written, and while it holds.
     *
     * @return true when the job is done here (ended, or no longer to run here); false when it stopped before its end
     *         because this node is stopping, and is to resume elsewhere
     */
    boolean run(ImportJobId id, ProjectId projectId, JobFence fence) {
        if (stopping) {
            return false;
        }
        if (!jobs.claim(fence, projectId, id)) {
            return true;   // not running any more
        }
        ImportJob job = jobs.load(projectId, id).orElse(null);
        if (job == null || job.status() != ImportStatus.RUNNING) {
            return true;
        }
        boolean resuming = job.lastRowNumber() > 1;
        FileSource file;
        try {
            file = files.file(projectId, job.storedFileId());
        } catch (StoredFileNotFoundException e) {
            jobs.failWithoutFile(projectId, id, resuming
                    ? Text.of("failure.import.interrupted", job.lastRowNumber()) : Text.of("failure.import.fileGone"));
            log.warn("Import {} cannot run: its file is gone", id);
            return true;
        }
        if (resuming) {
            log.info("Import {} resumes on node {} after row {}", id, fence.pickedBy(), job.lastRowNumber());
        }
        try {
            RowRules validator = RowRules.of(job.action(), job.mapping(), job.header(),
                    job.action().createsCards() ? scope.readInProject(projectId, () -> pools.poolsOf(projectId))
                            : Map.of(), clock);
            JobExecution execution = new JobExecution(job, file, validator, cipher, limits, loader, statusLoader,
                    jobs, executor, fence, settings);
            running.put(id, execution);
            if (stopping) {
                execution.stop();
            }
            return execution.run();
        } catch (RuntimeException e) {
            log.error("Import {} could not run", id, e);
            jobs.finish(fence, projectId, id, ImportStatus.FAILED, null,
                    Text.of("failure.import.couldNotRun", e.getMessage()));
            return true;
        } finally {
            running.remove(id);
        }
    }

    /** Tells a job running here to stop after its current chunk (the database flag is set by the caller). */
    void signalCancel(ImportJobId id) {
        JobExecution execution = running.get(id);
        if (execution != null) {
            execution.signalCancel();
        }
    }

    /** The node (re)starts: runs start again. */
    void resume() {
        stopping = false;
    }

    /** The node is stopping: no run starts any more, and each running one ends at its next chunk boundary. */
    void stopAll() {
        stopping = true;
        running.values().forEach(JobExecution::stop);
    }
}

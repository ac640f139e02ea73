package com.giftcardimport.importing.job;

import com.giftcardimport.security.TenantScope;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which queued imports start, for the whole cluster: in one transaction holding a PostgreSQL advisory lock
 * (so two nodes never dispatch at once), it reads every queued and running import, asks the {@link DispatchPolicy}
 * which may start within the global and per-project limits, marks them RUNNING and hands each to the job engine as
 * an execution of the task {@link ImportTasks#IMPORT}, which the first free node picks. Both commit together: a
 * RUNNING import always has its execution. An import left RUNNING without one (from before the job engine) gets
 * one too, and resumes after its last committed chunk.
 * <p>
 * Runs after a launch, after an import ends and periodically ({@code app.import.dispatch-interval}); no Java lock is
 * held, and a node that is stopping dispatches nothing.
 */
@Component
class ImportDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ImportDispatcher.class);
    /** The advisory lock key that serialises dispatching across the cluster ("gci-dispatch"). */
    static final long LOCK = 0x6763692d64697370L;

    private final ImportJobRepository jobs;
    private final TenantScope scope;
    private final JdbcClient jdbc;
    private final JobEngine engine;
    private final DispatchPolicy policy;
    private final TransactionTemplate tx;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("import-dispatch").daemon().factory());

    ImportDispatcher(ImportJobRepository jobs, TenantScope scope, JdbcClient jdbc, JobEngine engine,
                     ImportSettings settings, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.scope = scope;
        this.jdbc = jdbc;
        this.engine = engine;
        this.policy = new DispatchPolicy(settings.maxRunningJobs(), settings.maxRunningPerProject());
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts what may start. Inside a transaction (a launch), once that transaction has committed, so that the new
     * import is there to see.
     */
    void dispatch() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            dispatchNow();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    afterCommit.execute(ImportDispatcher.this::dispatchNow);
                } catch (RejectedExecutionException e) {
                    log.debug("The node is stopping: no dispatch after commit");
                }
            }
        });
    }

    /** @return how many imports were handed to the job engine */
    int dispatchNow() {
        if (!engine.accepting()) {
            return 0;
        }
        Integer started = tx.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK).query(Integer.class).single();
            List<ImportJobRepository.Active> active = jobs.active();
            List<DispatchPolicy.Candidate> candidates = new ArrayList<>();
            int scheduled = 0;
            for (ImportJobRepository.Active job : active) {
                candidates.add(job.candidate());
                if (job.candidate().running() && !job.hasExecution()) {
                    schedule(job.candidate());
                    log.info("Import {} was running with no node to run it: handed to the job engine to resume",
                            job.candidate().jobId());
                    scheduled++;
                }
            }
            for (DispatchPolicy.Candidate next : policy.toStart(candidates)) {
                if (scope.inProject(next.projectId(), () -> jobs.markRunning(next.projectId(), next.jobId()))) {
                    schedule(next);
                    scheduled++;
                }
            }
            return scheduled;
        });
        if (started != null && started > 0) {
            engine.checkForDueExecutions();   // committed now: this node may pick them at once
        }
        return started == null ? 0 : started;
    }

    private void schedule(DispatchPolicy.Candidate job) {
        engine.client().scheduleIfNotExists(ImportTasks.IMPORT.instance(Long.toString(job.jobId().value()))
                .data(job.projectId().value()).build(), Instant.now());
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
    }
}

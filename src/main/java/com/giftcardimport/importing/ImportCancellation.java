package com.giftcardimport.importing;

import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.importing.job.ImportRunner;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancelling an import (project admins). An import of another project behaves like one that does not exist. */
@Service
@Transactional
public class ImportCancellation {

    private final CurrentTenant current;
    private final ImportQueries queries;
    private final ImportJobRepository jobs;
    private final ImportRunner runner;

    ImportCancellation(CurrentTenant current, ImportQueries queries, ImportJobRepository jobs, ImportRunner runner) {
        this.current = current;
        this.queries = queries;
        this.jobs = jobs;
        this.runner = runner;
    }

    /**
     * Cancels an import: a queued one at once, a running one after the chunk it is loading (cards committed so far
     * stay). Answers false when the import had already ended.
     *
     * @throws ImportNotFoundException no such import in the current project
     */
    public boolean cancel(ImportJobId id) {
        Tenant tenant = current.enterAsAdmin();
        ImportSummary job = queries.get(id);
        if (job.status() == ImportStatus.QUEUED && jobs.cancelQueued(tenant.projectId(), id)) {
            runner.countRowsOfCancelled(tenant.projectId(), id);
            return true;
        }
        if (jobs.requestCancel(tenant.projectId(), id)) {
            runner.signalCancel(id);
            return true;
        }
        return false;
    }
}

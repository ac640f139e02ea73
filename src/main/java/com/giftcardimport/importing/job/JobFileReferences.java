package com.giftcardimport.importing.job;

import com.giftcardimport.importing.file.FileReferences;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import org.springframework.stereotype.Component;

/**
 * A stored file is in use while a job of its project names it and the job's retention has not deleted it: the
 * upload sweeper leaves it alone. Files of jobs are deleted by {@link ImportRunner#deleteFilesPastRetention()}.
 */
@Component
class JobFileReferences implements FileReferences {

    private final ImportJobRepository jobs;
    private final TenantScope scope;

    JobFileReferences(ImportJobRepository jobs, TenantScope scope) {
        this.jobs = jobs;
        this.scope = scope;
    }

    /** Asked by the sweeper, which has no logged-in user: scopes its own read to the file's project. */
    @Override
    public boolean isReferenced(ProjectId projectId, String fileId) {
        return scope.readInProject(projectId, () -> jobs.isFileReferenced(projectId, fileId));
    }
}

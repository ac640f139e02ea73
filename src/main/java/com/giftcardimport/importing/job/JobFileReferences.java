package com.giftcardimport.importing.job;

import com.giftcardimport.importing.file.FileReferences;
import com.giftcardimport.project.ProjectId;
import org.springframework.stereotype.Component;

/**
 * A stored file is in use while a job of its project names it and the job's retention has not deleted it: the
 * upload sweeper leaves it alone. Files of jobs are deleted by {@link ImportRunner#deleteFilesPastRetention()}.
 */
@Component
class JobFileReferences implements FileReferences {

    private final ImportJobRepository jobs;

    JobFileReferences(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public boolean isReferenced(ProjectId projectId, String fileId) {
        return jobs.isFileReferenced(projectId, fileId);
    }
}

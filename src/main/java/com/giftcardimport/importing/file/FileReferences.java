package com.giftcardimport.importing.file;

import com.giftcardimport.project.ProjectId;

/**
 * Tells the sweeper of {@link FileStore} whether a stored file is still in use (by a queued, running or
 * recently finished import, or by a wizard's draft). Implemented by the import jobs and the drafts; a file any of them
 * claims is kept; without any bean every old file counts as abandoned.
 */
public interface FileReferences {

    boolean isReferenced(ProjectId projectId, String fileId);
}

package com.giftcardimport.importing.file;

import com.giftcardimport.project.ProjectId;

/**
 * Tells the sweeper of {@link FileStore} whether a stored file is still in use (by a queued, running or
 * recently finished import). Implemented by the import jobs; without any bean every old file counts as
 * abandoned.
 */
public interface FileReferences {

    boolean isReferenced(ProjectId projectId, String fileId);
}

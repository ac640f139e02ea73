package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.util.List;

/** A job about to be created by a launch; who launched it comes from the tenant, never from the client. */
public record NewImportJob(ProjectId projectId, ImportAction action, String originalFileName, String storedFileId,
                           long fileSize, FileFormat format, List<String> header, ColumnMapping mapping,
                           Long estimatedRows, UserId launchedBy, String launchedByLabel, String idempotencyKey,
                           String fingerprint) {

    public NewImportJob {
        header = List.copyOf(header);
    }
}

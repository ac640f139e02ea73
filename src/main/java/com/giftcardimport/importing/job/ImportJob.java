package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.util.List;

/** What the runner needs of a job row to run (or resume) it. */
public record ImportJob(ImportJobId id, ProjectId projectId, ImportAction action, UserId launchedBy,
                        String storedFileId, FileFormat format, List<String> header, ColumnMapping mapping,
                        Long estimatedRows, ImportStatus status, Long totalRows, long importedRows,
                        long unchangedRows, long failedRows, long lastRowNumber, boolean cancelRequested) {

    public ImportJob {
        header = List.copyOf(header);
    }
}

package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.mapping.MappingHistory;
import com.giftcardimport.project.ProjectId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The mapping of the project's newest import whose file had exactly the same header row (names and order). */
@Component
class JobMappingHistory implements MappingHistory {

    private final ImportJobRepository jobs;

    JobMappingHistory(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public Optional<ColumnMapping> lastMappingFor(ProjectId projectId, List<String> headers) {
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        return jobs.lastMapping(projectId, headers).filter(m -> m.columnCount() == headers.size());
    }
}

package com.giftcardimport.importing.mapping;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.project.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * The mapping a project used last time for a file with exactly these headers (same names, same order).
 * Implemented by the import jobs; optional: without a bean, {@link AutoMapper} works from the names alone.
 */
public interface MappingHistory {

    Optional<ColumnMapping> lastMappingFor(ProjectId projectId, List<String> headers);
}

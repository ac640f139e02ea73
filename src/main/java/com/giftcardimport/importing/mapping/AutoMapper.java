package com.giftcardimport.importing.mapping;

import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.project.ProjectId;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Suggests which field each file column fills. In order of trust: the mapping this project used last time for the
 * same headers; the field's own name; known English and Russian names; then names normalised with ICU4J (case,
 * accents, punctuation and spaces dropped, Cyrillic transliterated) and compared fuzzily. Each field goes to at
 * most one column: the most confident one.
 */
@Component
public class AutoMapper {

    private final MappingHistory history;

    @Autowired
    public AutoMapper(ObjectProvider<MappingHistory> history) {
        this(history.getIfAvailable());
    }

    /** @param history may be null: no history */
    public AutoMapper(MappingHistory history) {
        this.history = history;
    }

    /** Without history. */
    public AutoMapper() {
        this((MappingHistory) null);
    }

    /** Suggests a mapping for {@code headers}, using the project's history when there is one. */
    public MappingSuggestion suggest(ProjectId projectId, List<String> headers, List<SourceRow> sampleRows) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Suggests a mapping from the headers alone (no history). */
    public MappingSuggestion suggest(List<String> headers) {
        throw new UnsupportedOperationException("TODO");
    }
}

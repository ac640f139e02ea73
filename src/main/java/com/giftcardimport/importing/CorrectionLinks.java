package com.giftcardimport.importing;

import java.util.List;
import java.util.Optional;

/**
 * How an import is linked to corrections: the import whose failed rows it corrects (a follow-up), and the follow-up
 * imports of its own corrected rows.
 */
public record CorrectionLinks(Optional<ImportJobId> corrects, List<ImportJobId> correctedBy) {

    public CorrectionLinks {
        correctedBy = List.copyOf(correctedBy);
    }
}

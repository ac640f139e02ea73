package com.giftcardimport.importing.draft;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.file.StoredFile;
import java.nio.charset.Charset;

/**
 * Where a person's import wizard stands in a project, kept on the server until launch or discard, so that a reload
 * or the browser's Back returns to it.
 *
 * @param action    the action chosen in step 1
 * @param step      the step on screen, 0 to 3
 * @param file      the upload, or null before one
 * @param encoding  the encoding the person chose for a CSV/TXT file, or null for the detected one
 * @param delimiter the delimiter the person chose, or null for the detected one
 * @param sheet     the sheet the person chose in a workbook, or null for the first one
 * @param mapping   the mapping on screen in step 3, or null before it
 */
public record WizardDraft(ImportAction action, int step, StoredFile file, Charset encoding, Character delimiter,
                          String sheet, ColumnMapping mapping) {

    public WizardDraft {
        if (action == null || step < 0 || step > 3) {
            throw new IllegalArgumentException("A draft has an action and a step from 0 to 3");
        }
    }
}

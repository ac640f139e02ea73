package com.giftcardimport.importing;

/**
 * An undo that may not start now: the import has not ended yet, or it was undone already (a conflict, not bad
 * input).
 */
public class ImportUndoRefusedException extends RuntimeException {

    public ImportUndoRefusedException(String message) {
        super(message);
    }
}

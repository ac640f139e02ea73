package com.giftcardimport.importing;

/**
 * What an undo would do if it ran now, for the question asked before it (SPEC §13).
 *
 * @param toUndo cards it would delete (an undo of added cards) or give their previous status back
 * @param toKeep cards it would keep because they changed since the import
 */
public record UndoPreview(ImportAction action, long toUndo, long toKeep) {
}

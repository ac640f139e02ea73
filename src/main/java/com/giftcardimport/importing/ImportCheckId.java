package com.giftcardimport.importing;

/**
 * The id of a whole-file check. Checks take their ids from the same sequence as imports, so an id names an import or
 * a check, never both. On its own it grants nothing: every read checks the check's project.
 */
public record ImportCheckId(long value) {

    public static ImportCheckId of(long value) {
        return new ImportCheckId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

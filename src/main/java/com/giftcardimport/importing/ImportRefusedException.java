package com.giftcardimport.importing;

import java.util.List;

/**
 * A launch was refused before any job was made: a problem of the file (not text, no header, unreadable) or of the
 * mapping (a required field with no column, a field twice, a mapping that does not fit the header).
 */
public class ImportRefusedException extends RuntimeException {

    private final List<String> problems;

    public ImportRefusedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** What keeps the import from being launched, in words for the user. */
    public List<String> problems() {
        return problems;
    }
}

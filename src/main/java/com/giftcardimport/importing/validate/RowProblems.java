package com.giftcardimport.importing.validate;

import com.giftcardimport.importing.RowError;
import java.util.ArrayList;
import java.util.List;

/** The problems of one row, in the order the validator's checks find them; no list on the happy path. */
final class RowProblems {

    private final long row;
    private List<RowError> list;

    RowProblems(long row) {
        this.row = row;
    }

    long row() {
        return row;
    }

    void add(RowError error) {
        if (list == null) {
            list = new ArrayList<>(4);
        }
        list.add(error);
    }

    boolean any() {
        return list != null;
    }

    List<RowError> list() {
        return list == null ? List.of() : list;
    }
}

package com.giftcardimport.importing;

/** The id of an import job. On its own it grants nothing: every read checks the job's project. */
public record ImportJobId(long value) {

    public static ImportJobId of(long value) {
        return new ImportJobId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

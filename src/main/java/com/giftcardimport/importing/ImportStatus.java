package com.giftcardimport.importing;

/** Where an import job is (SPEC §6): Queued → Running → Completed, Completed with errors, Failed or Cancelled. */
public enum ImportStatus {
    QUEUED("Queued"),
    RUNNING("Running"),
    COMPLETED("Completed"),
    COMPLETED_WITH_ERRORS("Completed with errors"),
    /** A file-level failure: the file could not be read to its end; the job carries a message. */
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    ImportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the job has ended and will not change any more. */
    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}

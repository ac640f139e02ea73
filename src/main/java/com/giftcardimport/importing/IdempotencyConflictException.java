package com.giftcardimport.importing;

/** An idempotency key was reused for a different launch request (another file, format or mapping). */
public class IdempotencyConflictException extends RuntimeException {

    private final ImportJobId existingJob;

    public IdempotencyConflictException(ImportJobId existingJob) {
        super("This idempotency key was already used for a different import request");
        this.existingJob = existingJob;
    }

    /** The job the key was first used for (same project, so the caller may see it). */
    public ImportJobId existingJob() {
        return existingJob;
    }
}

package com.giftcardimport.importing;

/**
 * An idempotency key was reused for a different launch request: a file of other content (whatever its name and size),
 * or another format, mapping or action.
 */
public class IdempotencyConflictException extends RuntimeException {

    private final ImportJobId existingJob;

    public IdempotencyConflictException(ImportJobId existingJob) {
        super("This Idempotency-Key was already used for import " + existingJob.value() + " with a different request: "
                + "another file content, format, mapping or action. Use a new key for a new file; a retry of the same "
                + "request must send the same bytes");
        this.existingJob = existingJob;
    }

    /** The job the key was first used for (same project, so the caller may see it). */
    public ImportJobId existingJob() {
        return existingJob;
    }
}

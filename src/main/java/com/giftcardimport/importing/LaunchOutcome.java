package com.giftcardimport.importing;

/**
 * What a launch did: created a new import, or found the one an earlier identical launch created (the same
 * idempotency key with the same request, or the same upload launched again).
 */
public record LaunchOutcome(ImportJobId id, Kind kind) {

    /** Whether the launch created the import or replayed an earlier one. */
    public enum Kind { CREATED, REPLAYED }

    static LaunchOutcome created(ImportJobId id) {
        return new LaunchOutcome(id, Kind.CREATED);
    }

    static LaunchOutcome replayed(ImportJobId id) {
        return new LaunchOutcome(id, Kind.REPLAYED);
    }

    public boolean isCreated() {
        return kind == Kind.CREATED;
    }
}

package com.giftcardimport.security;

import java.time.Instant;

/**
 * One login attempt as recorded: the user name as typed, the client's address, when, and how it ended.
 */
public record LoginAttempt(String username, String address, Instant at, Outcome outcome) {

    /** How a login attempt ended. */
    public enum Outcome {
        SUCCEEDED, BAD_CREDENTIALS, DISABLED, THROTTLED
    }
}

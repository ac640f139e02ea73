package com.giftcardimport.security;

/** The id of a person who logs in. */
public record UserId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}

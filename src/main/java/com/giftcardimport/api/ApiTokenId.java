package com.giftcardimport.api;

/** The id of an API token. On its own it grants nothing: every use checks the token's project. */
public record ApiTokenId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}

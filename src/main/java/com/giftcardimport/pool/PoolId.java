package com.giftcardimport.pool;

/** The id of a pool. Meaningful only together with the current project: services look it up within it. */
public record PoolId(long value) {

    public static PoolId of(long value) {
        return new PoolId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

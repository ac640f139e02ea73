package com.giftcardimport.pool;

/** Whether every card of a pool has the pool's face value (SPEC §2). */
public enum ValueType {
    /** Every card's balance equals the pool's face value. */
    FIXED("Fixed"),
    /** Every card brings its own balance. */
    ARBITRARY("Arbitrary");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

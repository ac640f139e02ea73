package com.giftcardimport.pool;

/** The unit of a pool's validity period. */
public enum ValidityUnit {
    DAYS("days", 36_500),
    MONTHS("months", 1_200);

    private final String label;
    private final int max;

    ValidityUnit(String label, int max) {
        this.label = label;
        this.max = max;
    }

    /** Lower-case plural, as in "90 days". */
    public String label() {
        return label;
    }

    /** The longest period in this unit (100 years), so that an expiry date always exists. */
    public int max() {
        return max;
    }
}

package com.giftcardimport.pool;

import java.math.BigDecimal;

/**
 * What a person typed into the pool form (or an API client sent): raw, possibly invalid. {@link PoolService}
 * checks it and reports every problem at once as a {@link com.giftcardimport.base.ValidationException} whose
 * field names are the constants below (the names of this record's components).
 *
 * @param validityUnit   {@code null} for no expiry
 * @param validityAmount the number of days or months; must be empty when there is no unit
 */
public record PoolDraft(String systemName, String name, ValueType valueType, BigDecimal faceValue,
                        boolean cvvRequired, ValidityUnit validityUnit, Integer validityAmount) {

    public static final String SYSTEM_NAME = "systemName";
    public static final String NAME = "name";
    public static final String VALUE_TYPE = "valueType";
    public static final String FACE_VALUE = "faceValue";
    public static final String CVV_REQUIRED = "cvvRequired";
    public static final String VALIDITY = "validity";

    /** The draft that leaves {@code pool} as it is: the starting point of an edit. */
    public static PoolDraft of(Pool pool) {
        return switch (pool.validity()) {
            case Validity.None none -> new PoolDraft(pool.systemName().value(), pool.name(), pool.valueType(),
                    pool.faceValue(), pool.cvvRequired(), null, null);
            case Validity.Period period -> new PoolDraft(pool.systemName().value(), pool.name(), pool.valueType(),
                    pool.faceValue(), pool.cvvRequired(), period.unit(), period.amount());
        };
    }
}

package com.giftcardimport.pool;

import java.math.BigDecimal;

/** A checked {@link PoolDraft}: what gets written to the database. */
record PoolSettings(PoolSystemName systemName, String name, ValueType valueType, BigDecimal faceValue,
                    boolean cvvRequired, Validity validity) {
}

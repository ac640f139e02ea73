package com.giftcardimport.importing.validate;

/** The unit of a pool's validity period. */
public enum ValidityUnit {
    DAYS,
    MONTHS
}

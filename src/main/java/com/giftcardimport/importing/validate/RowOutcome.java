package com.giftcardimport.importing.validate;

/** What validating one row gives: a card to load, a status to set, or the row's errors. */
public sealed interface RowOutcome permits ValidCard, ValidStatusChange, InvalidRow {

    long rowNumber();
}

package com.giftcardimport.importing.validate;

/** What validating one row gives: a card to load or the row's errors. */
public sealed interface RowOutcome permits ValidCard, InvalidRow {

    long rowNumber();
}

package com.giftcardimport.card;

/** The id of a gift card. */
public record GiftCardId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

package com.giftcardimport.card;

/** The status of a gift card (SPEC §3), stored under the constant's name and shown by its label. */
public enum GiftCardStatus {
    CAN_BE_USED("CanBeUsed"),
    INACTIVE("Inactive"),
    BLOCKED("Blocked");

    private final String label;

    GiftCardStatus(String label) {
        this.label = label;
    }

    /** The name shown to people and used in files: {@code CanBeUsed}, {@code Inactive}, {@code Blocked}. */
    public String label() {
        return label;
    }
}

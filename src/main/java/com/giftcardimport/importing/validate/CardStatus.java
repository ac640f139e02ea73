package com.giftcardimport.importing.validate;

/**
 * The status of a card. Read case-insensitively from {@code CanBeUsed}, {@code Inactive}, {@code Blocked} or their
 * Russian names ({@code Можно использовать}/{@code Активна}, {@code Неактивна}, {@code Заблокирована}); empty means
 * {@link #INACTIVE}. Stored as the enum name.
 */
public enum CardStatus {
    CAN_BE_USED("CanBeUsed"),
    INACTIVE("Inactive"),
    BLOCKED("Blocked");

    private final String label;

    CardStatus(String label) {
        this.label = label;
    }

    /** The name a file uses: CanBeUsed, Inactive, Blocked. */
    public String label() {
        return label;
    }

    public static CardStatus parse(String raw) {
        throw new UnsupportedOperationException("TODO");
    }
}

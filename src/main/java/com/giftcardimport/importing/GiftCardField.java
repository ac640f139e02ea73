package com.giftcardimport.importing;

/**
 * The fields a gift card file can fill (SPEC §3), in the order the wizard shows them. The catalogue of what
 * a row means lives here; how each value is checked lives in the value objects of {@code importing.validate}.
 */
public enum GiftCardField {
    CARD_NUMBER("Card number", true,
            "Unique number of the gift card: 1–64 letters, digits or '-'. Unique within the project."),
    POOL("Pool system name", true,
            "System name of the pool the card belongs to. The pool must already exist in this project."),
    CVV("Gift card CVV", false,
            "3 or 4 digits. Required for pools that have CVV transfer enabled. Stored encrypted."),
    BALANCE("Card balance", true,
            "A non-negative amount with at most 2 decimals ('.' or ','; spaces as thousands separators). "
                    + "For pools with a fixed face value, the balance must equal the face value."),
    POINT_OF_CONTACT("Point of contact external ID", false,
            "The point of contact where the card was issued, at most 255 characters. "
                    + "Used when registering cards that were sold in the past."),
    PURCHASE_DATE("Card purchase date (UTC)", false,
            "Date and time the card was issued, in UTC: ISO-8601, yyyy-MM-dd HH:mm[:ss] or dd.MM.yyyy[ HH:mm[:ss]]. "
                    + "Not in the future. For pools with a validity period, the expiry is counted from this date."),
    STATUS("Gift card status", false,
            "CanBeUsed, Inactive or Blocked (Russian names accepted). Empty means Inactive.");

    private final String label;
    private final boolean required;
    private final String description;

    GiftCardField(String label, boolean required, String description) {
        this.label = label;
        this.required = required;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }
}

package com.giftcardimport.importing;

/**
 * The fields a gift card file can fill (SPEC §3), in the order the wizard shows them. The catalogue of what
 * a row means lives here, with each field's English name as files and the API name it; how each value is checked
 * lives in the value objects of {@code importing.validate}, and what screens call a field and say of it, in both
 * languages, in the texts ({@code mapping.field.CARD_NUMBER}, {@code mapping.field.CARD_NUMBER.description}).
 */
public enum GiftCardField {
    CARD_NUMBER("Card number", true),
    POOL("Pool system name", true),
    CVV("Gift card CVV", false),
    BALANCE("Card balance", true),
    POINT_OF_CONTACT("Point of contact external ID", false),
    PURCHASE_DATE("Card purchase date (UTC)", false),
    STATUS("Gift card status", false);

    private final String label;
    private final boolean required;

    GiftCardField(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }
}

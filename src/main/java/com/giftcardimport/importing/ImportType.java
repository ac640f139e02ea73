package com.giftcardimport.importing;

/** What an import brings in (the first choice of the wizard). New types are added here. */
public enum ImportType {
    LOYALTY_GIFT_CARDS("Loyalty → Gift cards");

    private final String label;

    ImportType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

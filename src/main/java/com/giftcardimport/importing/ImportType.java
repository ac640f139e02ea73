package com.giftcardimport.importing;

/**
 * What an import brings in (the first choice of the wizard). New types are added here, with their name for people as
 * the text {@code imports.type.NAME}.
 */
public enum ImportType {
    LOYALTY_GIFT_CARDS
}

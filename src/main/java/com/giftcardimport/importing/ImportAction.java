package com.giftcardimport.importing;

import java.util.Arrays;
import java.util.List;

/**
 * The catalogue of import actions, each belonging to an {@link ImportType}: what the wizard offers in its first
 * step. Jobs store the codes ({@link #name()} and {@link ImportType#name()}), so an action added here needs no
 * migration.
 */
public enum ImportAction {
    ADD_GIFT_CARDS(ImportType.LOYALTY_GIFT_CARDS, "Add gift cards",
            "Creates a new gift card for each row of the file. Existing cards are never changed.");

    private final ImportType type;
    private final String label;
    private final String description;

    ImportAction(ImportType type, String label, String description) {
        this.type = type;
        this.label = label;
        this.description = description;
    }

    public ImportType type() {
        return type;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The actions of one type, in catalogue order. */
    public static List<ImportAction> of(ImportType type) {
        return Arrays.stream(values()).filter(a -> a.type == type).toList();
    }
}

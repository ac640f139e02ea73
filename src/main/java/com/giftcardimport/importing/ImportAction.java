package com.giftcardimport.importing;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of import actions, each belonging to an {@link ImportType}: what the wizard offers in its first
 * step. Jobs store the codes ({@link #name()} and {@link ImportType#name()}), so an action added here needs no
 * migration. Their names and descriptions for people are the texts {@code imports.type.NAME},
 * {@code imports.action.NAME} and {@code imports.action.NAME.description}.
 */
public enum ImportAction {
    ADD_GIFT_CARDS(ImportType.LOYALTY_GIFT_CARDS, "Add gift cards",
            EnumSet.allOf(GiftCardField.class), fieldsRequiredToAdd()),
    UPDATE_GIFT_CARD_STATUSES(ImportType.LOYALTY_GIFT_CARDS, "Update gift card statuses",
            EnumSet.of(GiftCardField.CARD_NUMBER, GiftCardField.STATUS),
            EnumSet.of(GiftCardField.CARD_NUMBER, GiftCardField.STATUS));

    private final ImportType type;
    private final String label;
    private final Set<GiftCardField> fields;
    private final Set<GiftCardField> required;

    ImportAction(ImportType type, String label, Set<GiftCardField> fields, Set<GiftCardField> required) {
        this.type = type;
        this.label = label;
        this.fields = Set.copyOf(fields);
        this.required = Set.copyOf(required);
    }

    private static Set<GiftCardField> fieldsRequiredToAdd() {
        Set<GiftCardField> required = EnumSet.noneOf(GiftCardField.class);
        Arrays.stream(GiftCardField.values()).filter(GiftCardField::required).forEach(required::add);
        return required;
    }

    /** The fields a file of this action can fill, in the wizard's order. */
    public List<GiftCardField> fields() {
        return Arrays.stream(GiftCardField.values()).filter(fields::contains).toList();
    }

    /** Whether a file of this action must fill {@code field}. */
    public boolean requires(GiftCardField field) {
        return required.contains(field);
    }

    /** Whether the import creates cards (and an undo deletes them) rather than changing existing ones. */
    public boolean createsCards() {
        return this == ADD_GIFT_CARDS;
    }

    public ImportType type() {
        return type;
    }

    /** The English name, for logs; screens and exports say {@code imports.action.NAME} in the reader's language. */
    public String label() {
        return label;
    }

    /** The actions of one type, in catalogue order. */
    public static List<ImportAction> of(ImportType type) {
        return Arrays.stream(values()).filter(a -> a.type == type).toList();
    }
}

package com.giftcardimport.importing.mapping;

import com.giftcardimport.importing.GiftCardField;

/**
 * Why auto-mapping suggested what it did for a column, in a form each language can word ({@code mapping.reason.*}
 * keys of the texts; {@link #english} for logs and tests).
 *
 * @param kind the kind of reason
 * @param name the known name it rests on ({@link Kind#CONTAINS}, {@link Kind#SIMILAR}), else null
 */
public record MappingReason(Kind kind, String name) {

    /** The kinds of reason, in the order of trust of {@link AutoMapper}. */
    public enum Kind {
        HISTORY, HISTORY_NOT_IMPORTED, SAME_NAME, KNOWN_NAME, CONTAINS, SIMILAR, VALUES_STATUS, VALUES_DATE, NO_MATCH,
        /** Not a suggestion: the person chose the field (a restored wizard draft). */
        CHOSEN
    }

    static MappingReason of(Kind kind) {
        return new MappingReason(kind, null);
    }

    /** The key of its words in the texts, e.g. {@code mapping.reason.KNOWN_NAME}. */
    public String key() {
        return "mapping.reason." + kind.name();
    }

    /** In English, for the suggested {@code field}. */
    public String english(GiftCardField field) {
        return switch (kind) {
            case HISTORY -> "Used for this column last time";
            case HISTORY_NOT_IMPORTED -> "Not imported last time";
            case SAME_NAME -> "Same name as the field";
            case KNOWN_NAME -> "Known name for " + (field == null ? "" : field.label());
            case CONTAINS -> "The name contains \"" + name + "\"";
            case SIMILAR -> "Similar to \"" + name + "\"";
            case VALUES_STATUS -> "The values look like card statuses";
            case VALUES_DATE -> "The values look like dates";
            case NO_MATCH -> "No field matches this column name";
            case CHOSEN -> "Your choice";
        };
    }
}

package com.giftcardimport.card;

/**
 * How a card number may be shown to whom may not see it whole (lists of cards, account managers' view of row errors):
 * {@link GiftCardService#MASK} and its last four characters, or its last half when it is shorter than eight. The one
 * home of the rule: the card list masks in SQL with {@link #visibleEndSql}, so full numbers never leave the database.
 */
public final class CardNumberMask {

    private CardNumberMask() {
    }

    /** The masked number; empty for an empty or missing one. */
    public static String of(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int visible = Math.min(4, number.length() / 2);
        return GiftCardService.MASK + number.substring(number.length() - visible);
    }

    /** The same rule in SQL: the visible end of the card number in {@code column}. */
    static String visibleEndSql(String column) {
        return "right(" + column + ", least(4, length(" + column + ") / 2))";
    }
}

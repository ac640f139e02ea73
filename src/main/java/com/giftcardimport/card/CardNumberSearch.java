package com.giftcardimport.card;

import java.util.regex.Pattern;

/**
 * A search for gift cards by number: the whole number ({@code exact}) or its start. Made of what a card number may
 * hold (letters, digits and {@code -}, at most 64), trimmed; case counts, as it does for the numbers' uniqueness. An
 * invalid search cannot exist, so no wildcard ever reaches the query.
 *
 * @param text  the number or its start
 * @param exact whether the whole number is given
 */
public record CardNumberSearch(String text, boolean exact) {

    private static final Pattern CARD_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public CardNumberSearch {
        text = text == null ? "" : text.strip();
        if (!CARD_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("A card number has 1 to 64 letters, digits or '-'");
        }
    }

    /**
     * The first text after every number that starts with {@link #text} in byte order: the prefix with its last
     * character raised by one (the characters are ASCII, so this stays a plain string).
     */
    String upperBound() {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (char) (last + 1);
    }
}

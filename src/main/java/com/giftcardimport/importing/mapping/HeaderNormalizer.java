package com.giftcardimport.importing.mapping;

import com.ibm.icu.text.Transliterator;
import java.util.regex.Pattern;

/**
 * Makes column names comparable. First what real files add to a name is taken off: units and notes in brackets
 * ({@code Номинал (руб.)}, {@code Balance (RUB)}, {@code Дата покупки (UTC)}) and a unit after a comma
 * ({@code Сумма, руб.}); the number sign becomes the word ({@code № карты} → {@code номер карты}), while a column of
 * nothing but a number sign ({@code №}, {@code № п/п}), a spreadsheet's row counter, becomes nothing. Then ICU4J
 * transliterates any script to Latin and drops accents ({@code Any-Latin; Latin-ASCII}: {@code Номер карты} →
 * {@code Nomer karty}, {@code Größe} → {@code Grosse}), case is folded and everything but letters and digits removed
 * ({@code nomerkarty}).
 */
final class HeaderNormalizer {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final Pattern BRACKETS = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern UNIT_AFTER_COMMA = Pattern.compile(
            ",\\s*(руб|р|rub|rur|usd|eur|utc|мск|msk|шт|pcs|%|₽|\\$|€)\\.?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER_SIGN = Pattern.compile("(№|N[°º])\\s*");
    private static final Pattern ROW_COUNTER = Pattern.compile("\\s*(№|N[°º]|No\\.?|#)\\s*(п\\s*/\\s*п\\.?)?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    private HeaderNormalizer() {
    }

    static String normalize(String header) {
        if (header == null || header.isBlank() || ROW_COUNTER.matcher(header).matches()) {
            return "";
        }
        return fold(withoutDecoration(header));
    }

    /**
     * The name folded as {@link #normalize} does, but with nothing taken off: what is in brackets counts too. For
     * telling a CVV column, which must be masked even when its name says so only in a note ({@code Данные (CVV)}).
     */
    static String plain(String header) {
        return header == null || header.isBlank() ? "" : fold(header);
    }

    private static String fold(String name) {
        String ascii;
        synchronized (TO_ASCII) {
            ascii = TO_ASCII.transliterate(name);
        }
        StringBuilder key = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = Character.toLowerCase(ascii.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The name without units or notes, with the number sign spelt out in the name's language. */
    private static String withoutDecoration(String header) {
        String name = BRACKETS.matcher(header).replaceAll("");
        name = UNIT_AFTER_COMMA.matcher(name).replaceAll("");
        if (name.isBlank()) {
            name = header;
        }
        String word = CYRILLIC.matcher(name).find() ? "номер " : "number ";
        return NUMBER_SIGN.matcher(name).replaceAll(word);
    }

    /** Jaro-Winkler similarity of two strings, from 0 (nothing alike) to 1 (equal). */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        double jaro = jaro(a, b);
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /** Jaro similarity: the characters that match within a window, and how many of those are out of order. */
    private static double jaro(String a, String b) {
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = match(a, b, matchedA, matchedB);
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = transpositions(a, b, matchedA, matchedB);
        double m = matches;
        return (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
    }

    /** Marks each character of {@code a} that equals a not yet matched one of {@code b} nearby; returns how many. */
    private static int match(String a, String b, boolean[] matchedA, boolean[] matchedB) {
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        return matches;
    }

    /** How many matched characters, taken in order on both sides, differ. */
    private static int transpositions(String a, String b, boolean[] matchedA, boolean[] matchedB) {
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        return transpositions;
    }
}

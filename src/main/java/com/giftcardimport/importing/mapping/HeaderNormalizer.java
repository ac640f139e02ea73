package com.giftcardimport.importing.mapping;

import com.ibm.icu.text.Transliterator;

/**
 * Makes column names comparable: ICU4J transliterates any script to Latin and drops accents
 * ({@code Any-Latin; Latin-ASCII}: {@code Номер карты} → {@code Nomer karty}, {@code Größe} → {@code Grosse}), then
 * case is folded and everything but letters and digits removed ({@code nomerkarty}).
 */
final class HeaderNormalizer {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private HeaderNormalizer() {
    }

    static String normalize(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String ascii;
        synchronized (TO_ASCII) {
            ascii = TO_ASCII.transliterate(header);
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

package com.giftcardimport.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the product speaks: English (the default) and Russian. A browser or a request in any other language
 * gets English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, RUSSIAN);

    private Languages() {
    }

    /** The supported language of {@code code} ({@code "ru"}, {@code "ru-RU"}, {@code "en"}), if it is one. */
    public static Optional<Locale> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The supported language closest to {@code locale}: its own language, else English. */
    public static Locale closest(Locale locale) {
        return locale == null ? ENGLISH : of(locale.getLanguage()).orElse(ENGLISH);
    }
}

package com.giftcardimport.security;

import com.giftcardimport.i18n.Languages;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person chose for the interface: a language (none: the browser's language chooses) and the dark theme.
 *
 * @param language {@code en} or {@code ru}, or {@code null} when the person never chose
 */
public record UserPreferences(String language, boolean darkTheme) {

    public static final UserPreferences NONE = new UserPreferences(null, false);

    public UserPreferences {
        if (language != null && Languages.of(language).isEmpty()) {
            throw new IllegalArgumentException("Not a language of the product: " + language);
        }
    }

    /** The chosen language, if the person chose one. */
    public Optional<Locale> locale() {
        return Languages.of(language);
    }
}

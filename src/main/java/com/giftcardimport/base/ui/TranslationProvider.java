package com.giftcardimport.base.ui;

import com.giftcardimport.i18n.Languages;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The views' texts ({@code getTranslation}) from the same Spring {@link MessageSource} the services use, so that a
 * key reads the same in a view, a problem detail and an error report. The provided locales are English and Russian
 * (in that order: a browser in a third language gets English). A key that is missing shows as {@code !key!} and is
 * logged; {@code TranslationsTest} keeps that from reaching a release.
 */
@Component
class TranslationProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);

    private final MessageSource messages;

    TranslationProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, Languages.closest(locale));
        } catch (NoSuchMessageException e) {
            log.warn("No text for key '{}'", key);
            return "!" + key + "!";
        }
    }
}

package com.giftcardimport.security;

import com.giftcardimport.i18n.Languages;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logged-in person's own interface choices, kept on their user so that every browser they log in from shows
 * them: the language and the dark theme. Always the person of the login, never one a caller names.
 */
@Service
@Transactional
public class UserPreferencesService {

    private final CurrentTenant current;
    private final JdbcClient jdbc;

    UserPreferencesService(CurrentTenant current, JdbcClient jdbc) {
        this.current = current;
        this.jdbc = jdbc;
    }

    /** The logged-in person's choices; empty when nobody is logged in (the login page, an API token). */
    @Transactional(readOnly = true)
    public Optional<UserPreferences> mine() {
        return current.user().flatMap(user -> jdbc.sql("select language, dark_theme from app_user where id = ?")
                .param(user.userId().value())
                .query((rs, n) -> new UserPreferences(rs.getString(1), rs.getBoolean(2))).optional());
    }

    /** Remembers the language for the logged-in person; only a language of the product is accepted. */
    public void chooseLanguage(Locale locale) {
        Locale language = Languages.of(locale == null ? null : locale.getLanguage())
                .orElseThrow(() -> new IllegalArgumentException("Not a language of the product: " + locale));
        jdbc.sql("update app_user set language = ? where id = ?")
                .params(language.getLanguage(), current.requireUser().userId().value()).update();
    }

    /** Remembers whether the logged-in person wants the dark theme. */
    public void chooseDarkTheme(boolean dark) {
        jdbc.sql("update app_user set dark_theme = ? where id = ?")
                .params(dark, current.requireUser().userId().value()).update();
    }
}

package com.giftcardimport.base.ui;

import com.giftcardimport.i18n.Languages;
import com.giftcardimport.security.UserPreferences;
import com.giftcardimport.security.UserPreferencesService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Shows every new page in the logged-in person's own language and theme: the language they chose in the user menu,
 * else the browser's (Vaadin matches it against English and Russian; any other gets English); the dark theme if
 * they chose it. The user menu ({@link MainLayout}) changes them through here.
 */
@Component
public class InterfacePreferences implements VaadinServiceInitListener {

    private final transient UserPreferencesService preferences;

    InterfacePreferences(UserPreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> preferences.mine().ifPresent(mine -> apply(init.getUI(), mine)));
    }

    /** Remembers the language for the person and shows the current page again in it. */
    void chooseLanguage(UI ui, Locale language) {
        preferences.chooseLanguage(language);
        showIn(ui, language);
        ui.refreshCurrentRoute(true);
    }

    /** Remembers the theme for the person and switches the page to it at once. */
    void chooseDarkTheme(UI ui, boolean dark) {
        preferences.chooseDarkTheme(dark);
        ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
    }

    boolean isDark(UI ui) {
        return ui.getPage().getColorScheme() == ColorScheme.Value.DARK;
    }

    private static void apply(UI ui, UserPreferences mine) {
        mine.locale().ifPresent(language -> showIn(ui, language));
        ui.getPage().setColorScheme(mine.darkTheme() ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
    }

    private static void showIn(UI ui, Locale language) {
        Locale locale = Languages.closest(language);
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(locale);
        }
        ui.setLocale(locale);
    }
}

package com.giftcardimport.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.i18n.Languages;
import com.giftcardimport.base.db.OwnerJdbc;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The browser's language chooses; the user menu's language and theme are remembered for the person. */
class LanguageAndThemeTest extends KaribuTest {

    @AfterEach
    void forgetBobsChoices() {
        applicationContext.getBean(OwnerJdbc.class)
                .sql("update app_user set language = null, dark_theme = false where username = 'bob'").update();
    }

    @Test
    void a_browser_in_russian_gets_the_shell_and_the_pools_in_russian() {
        login("bob");
        inLanguage("ru-RU");

        UI.getCurrent().navigate("pools");

        assertThat(_get(H2.class, spec -> spec.withText("Пулы"))).isNotNull();
        assertThat(navigationLabels()).contains("Импорт", "Пулы", "Подарочные карты", "API-токены");
        assertThat(_get(MainLayout.class).logout.getText()).isEqualTo("Выйти");
    }

    @Test
    void a_browser_in_english_gets_english() {
        login("bob");
        inLanguage("en-GB");

        UI.getCurrent().navigate("pools");

        assertThat(navigationLabels()).contains("Imports", "Pools", "Gift cards", "API tokens");
        assertThat(_get(MainLayout.class).logout.getText()).isEqualTo("Log out");
    }

    @Test
    void a_browser_in_a_third_language_gets_english() {
        login("bob");
        inLanguage("de-DE");

        UI.getCurrent().navigate("pools");

        assertThat(_get(MainLayout.class).logout.getText()).isEqualTo("Log out");
    }

    @Test
    void choosing_russian_in_the_user_menu_shows_the_page_in_russian_and_is_remembered_in_the_next_window() {
        login("bob");
        inLanguage("en-US");
        UI.getCurrent().navigate("pools");

        _setValue(_get(MainLayout.class).language, Languages.RUSSIAN);

        assertThat(_get(H2.class, spec -> spec.withText("Пулы"))).isNotNull();
        openNewWindow();   // its browser asks for English (Karibu's request): the person's choice wins
        UI.getCurrent().navigate("pools");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("ru");
        assertThat(_get(MainLayout.class).logout.getText()).isEqualTo("Выйти");
        assertThat(_get(MainLayout.class).language.getValue()).isEqualTo(Languages.RUSSIAN);
    }

    @Test
    void the_dark_theme_is_switched_on_at_once_and_remembered_in_the_next_window() {
        login("bob");
        UI.getCurrent().navigate("pools");
        assertThat(UI.getCurrent().getPage().getColorScheme()).isNotEqualTo(ColorScheme.Value.DARK);

        _setValue(_get(MainLayout.class).darkTheme, true);

        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        openNewWindow();
        UI.getCurrent().navigate("pools");
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(ColorScheme.Value.DARK);
        assertThat(_get(MainLayout.class).darkTheme.getValue()).isTrue();
    }

    @Test
    void one_persons_choices_are_not_another_persons() {
        login("bob");
        UI.getCurrent().navigate("pools");
        _setValue(_get(MainLayout.class).darkTheme, true);
        _setValue(_get(MainLayout.class).language, Languages.RUSSIAN);

        login("alice");
        openNewWindow();
        inLanguage("en-US");
        UI.getCurrent().navigate("pools");

        assertThat(UI.getCurrent().getPage().getColorScheme()).isNotEqualTo(ColorScheme.Value.DARK);
        assertThat(_get(MainLayout.class).logout.getText()).isEqualTo("Log out");
    }

    @Test
    void the_login_page_speaks_the_browsers_language() {
        inLanguage("ru-RU");

        UI.getCurrent().navigate("login");
        UI.getCurrent().refreshCurrentRoute(true);   // the page as a browser in Russian loads it

        assertThat(_get(LoginForm.class)).isNotNull();
        assertThat(_get(Paragraph.class).getText()).startsWith("Загрузка подарочных карт");
    }

    @Test
    void log_out_is_in_the_drawer_so_that_it_is_reachable_at_phone_width() {
        login("bob");
        UI.getCurrent().navigate("pools");
        MainLayout layout = _get(MainLayout.class);

        Button logout = layout.logout;

        assertThat(logout.getElement().getParent().getAttribute("slot")).isEqualTo("drawer");
        assertThat(logout.getElement().getParent().getParent()).isEqualTo(layout.getElement());
        _click(logout);   // reachable and working: the click logs out without an error
    }

    private static List<String> navigationLabels() {
        return LocatorJ._find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}

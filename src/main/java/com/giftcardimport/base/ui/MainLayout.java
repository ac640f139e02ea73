package com.giftcardimport.base.ui;

import com.giftcardimport.i18n.Languages;
import com.giftcardimport.project.Membership;
import com.giftcardimport.security.AppUser;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/**
 * The app shell: brand, navigation, the project switcher, and the user menu in the drawer (so that it stays
 * reachable at phone width, where the drawer is an overlay): who is logged in, My account, the language, the dark
 * theme and Log out. Navigation items are addressed by path so the shell does not depend on the features it links to.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient CurrentTenant current;
    private final transient AuthenticationContext authentication;
    private final transient InterfacePreferences preferences;
    final Select<Membership> projectSwitcher = new Select<>();
    final Select<Locale> language = new Select<>();
    final Checkbox darkTheme = new Checkbox();
    final Button logout = new Button();

    public MainLayout(CurrentTenant current, AuthenticationContext authentication, InterfacePreferences preferences) {
        this.current = current;
        this.authentication = authentication;
        this.preferences = preferences;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        Span brand = new Span(getTranslation("shell.brand"));
        brand.addClassName("gci-brand");
        addToDrawer(brand, navigation(), userMenu());
    }

    private HorizontalLayout header() {
        List<Membership> memberships = current.memberships();
        projectSwitcher.setItems(memberships);
        projectSwitcher.setItemLabelGenerator(m -> m.projectName() + " (" + m.projectSlug() + ")");
        projectSwitcher.setAriaLabel(getTranslation("shell.project"));
        projectSwitcher.setId("project-switcher");
        projectSwitcher.setPlaceholder(getTranslation("shell.project.none"));
        projectSwitcher.setVisible(!memberships.isEmpty());
        current.currentMembership().ifPresent(projectSwitcher::setValue);
        projectSwitcher.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                current.switchTo(event.getValue().projectId());
                UI.getCurrent().refreshCurrentRoute(true);
            }
        });
        HorizontalLayout header = new HorizontalLayout(projectSwitcher, who());
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(projectSwitcher);
        header.addClassName("gci-header");
        return header;
    }

    /** The person's name and role in the current project (hidden at phone width: the drawer says it too). */
    private Span who() {
        Span who = new Span(current.user().map(AppUser::displayName).orElse("") + " · " + role());
        who.addClassNames("gci-muted", "gci-who");
        return who;
    }

    private String role() {
        return current.currentMembership().map(m -> getTranslation("shell.role." + m.role().name()))
                .orElse(current.user().filter(AppUser::isPlatformAdmin)
                        .map(u -> getTranslation("shell.role.PLATFORM_ADMIN")).orElse(""));
    }

    private Div userMenu() {
        Span name = new Span(current.user().map(AppUser::displayName).orElse(""));
        name.addClassName("gci-user-name");
        Span role = new Span(role());
        role.addClassName("gci-muted");
        Anchor account = new Anchor("account", getTranslation("shell.account"));

        language.setLabel(getTranslation("shell.language"));
        language.setId("language-switch");
        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(locale -> getTranslation("shell.language." + locale.getLanguage()));
        language.setValue(Languages.closest(getLocale()));
        language.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                preferences.chooseLanguage(UI.getCurrent(), event.getValue());
            }
        });

        darkTheme.setLabel(getTranslation("shell.darkTheme"));
        darkTheme.setId("dark-theme-switch");
        darkTheme.setValue(preferences.isDark(UI.getCurrent()));
        darkTheme.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                preferences.chooseDarkTheme(UI.getCurrent(), event.getValue());
            }
        });

        logout.setText(getTranslation("shell.logout"));
        logout.setIcon(VaadinIcon.SIGN_OUT.create());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClickListener(e -> authentication.logout());

        Div menu = new Div(name, role, account, language, darkTheme, logout);
        menu.addClassName("gci-user-menu");
        return menu;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        boolean member = authentication.hasAnyRole(Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER);
        boolean admin = authentication.hasRole(Roles.PROJECT_ADMIN);
        if (member) {
            nav.addItem(new SideNavItem(getTranslation("shell.nav.imports"), "imports", VaadinIcon.UPLOAD.create()));
            nav.addItem(new SideNavItem(getTranslation("shell.nav.pools"), "pools", VaadinIcon.RECORDS.create()));
            nav.addItem(new SideNavItem(getTranslation("shell.nav.cards"), "cards", VaadinIcon.CREDIT_CARD.create()));
        }
        if (authentication.hasRole(Roles.ACCOUNT_MANAGER)) {
            nav.addItem(new SideNavItem(getTranslation("shell.nav.audit"), "audit", VaadinIcon.EYE.create()));
        }
        if (admin) {
            nav.addItem(new SideNavItem(getTranslation("shell.nav.apiTokens"), "api-tokens",
                    VaadinIcon.KEY.create()));
        }
        if (authentication.hasRole(Roles.PLATFORM_ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("shell.nav.admin"), "admin", VaadinIcon.COG.create()));
            nav.addItem(new SideNavItem(getTranslation("shell.nav.logins"), "admin/logins",
                    VaadinIcon.LIST.create()));
        }
        return nav;
    }
}

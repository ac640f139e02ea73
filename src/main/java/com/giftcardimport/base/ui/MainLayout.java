package com.giftcardimport.base.ui;

import com.giftcardimport.project.Membership;
import com.giftcardimport.security.AppUser;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
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

/**
 * The app shell: brand, navigation, the project switcher and the user menu. Navigation items are addressed by
 * path so the shell does not depend on the features it links to.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient CurrentTenant current;
    private final transient AuthenticationContext authentication;
    final Select<Membership> projectSwitcher = new Select<>();

    public MainLayout(CurrentTenant current, AuthenticationContext authentication) {
        this.current = current;
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        Span brand = new Span("Gift Card Import");
        brand.addClassName("gci-brand");
        addToDrawer(brand, navigation());
    }

    private HorizontalLayout header() {
        List<Membership> memberships = current.memberships();
        projectSwitcher.setItems(memberships);
        projectSwitcher.setItemLabelGenerator(m -> m.projectName() + " (" + m.projectSlug() + ")");
        projectSwitcher.setAriaLabel("Current project");
        projectSwitcher.setId("project-switcher");
        projectSwitcher.setPlaceholder("No project");
        projectSwitcher.setVisible(!memberships.isEmpty());
        current.currentMembership().ifPresent(projectSwitcher::setValue);
        projectSwitcher.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                current.switchTo(event.getValue().projectId());
                UI.getCurrent().refreshCurrentRoute(true);
            }
        });

        String name = current.user().map(AppUser::displayName).orElse("");
        Span role = new Span(current.currentMembership().map(m -> m.role().label())
                .orElse(current.user().filter(AppUser::isPlatformAdmin).map(u -> "Platform admin").orElse("")));
        role.addClassName("gci-muted");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor account = new Anchor("account", "My account");

        HorizontalLayout header = new HorizontalLayout(projectSwitcher, new Span(name), role, account, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(projectSwitcher);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        return header;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        boolean member = authentication.hasAnyRole(Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER);
        boolean admin = authentication.hasRole(Roles.PROJECT_ADMIN);
        if (member) {
            nav.addItem(new SideNavItem("Imports", "imports", VaadinIcon.UPLOAD.create()));
            nav.addItem(new SideNavItem("Pools", "pools", VaadinIcon.RECORDS.create()));
            nav.addItem(new SideNavItem("Gift cards", "cards", VaadinIcon.CREDIT_CARD.create()));
        }
        if (authentication.hasRole(Roles.ACCOUNT_MANAGER)) {
            nav.addItem(new SideNavItem("Audit", "audit", VaadinIcon.EYE.create()));
        }
        if (admin) {
            nav.addItem(new SideNavItem("API tokens", "api-tokens", VaadinIcon.KEY.create()));
        }
        if (authentication.hasRole(Roles.PLATFORM_ADMIN)) {
            nav.addItem(new SideNavItem("Administration", "admin", VaadinIcon.COG.create()));
            nav.addItem(new SideNavItem("Login attempts", "admin/logins", VaadinIcon.LIST.create()));
        }
        return nav;
    }
}

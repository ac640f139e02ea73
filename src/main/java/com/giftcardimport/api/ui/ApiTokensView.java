package com.giftcardimport.api.ui;

import com.giftcardimport.api.ApiToken;
import com.giftcardimport.api.ApiTokenService;
import com.giftcardimport.api.NewApiToken;
import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The API tokens of the current project: create one (its secret is shown once), see who made each and when it
 * was last used, revoke one.
 */
@Route("api-tokens")
@PageTitle("API tokens · Gift Card Import")
@RolesAllowed(Roles.PROJECT_ADMIN)
class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient ApiTokenService tokens;
    final TextField name = new TextField("Token name");
    final Button create = new Button("Create token", VaadinIcon.KEY.create());
    final Grid<ApiToken> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        setSizeFull();

        Paragraph intro = new Paragraph("Scripts and other systems call the HTTP API of this project with a token "
                + "(sent as 'Authorization: Bearer <token>'). A token reaches this project only and acts as a "
                + "project admin on behalf of the person who created it; imports it launches show its name. "
                + "Revoke a token you no longer need: it stops working at once.");
        intro.addClassName("gci-muted");
        Anchor docs = new Anchor("swagger-ui.html", "API reference (OpenAPI)");
        docs.setTarget("_blank");
        docs.setRouterIgnore(true);

        name.setPlaceholder("e.g. nightly-sync");
        name.setHelperText("What will use it, so you can tell tokens apart");
        name.setMaxLength(100);
        name.setClearButtonVisible(true);
        name.setWidth("20em");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        create.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(ApiToken::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(ApiToken::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(t -> format(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "Never" : format(t.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(ApiTokensView::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (!t.active()) {
                return new Span();
            }
            Button revoke = new Button("Revoke", e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setEmptyStateComponent(new Span("No API tokens yet. Name one above and create it."));

        add(new H2("API tokens"), intro, docs, form, grid);
        refresh();
    }

    private void create() {
        try {
            NewApiToken created = tokens.create(name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh();
            new NewTokenDialog(created).open();
        } catch (ValidationException e) {
            name.setErrorMessage(e.errors().getOrDefault("name", e.getMessage()));
            name.setInvalid(true);
        }
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke \"" + token.name() + "\"?",
                "Scripts that use this token stop working at once. This cannot be undone.",
                "Revoke", e -> revoke(token));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void revoke(ApiToken token) {
        try {
            tokens.revoke(token.id());
            Notification.show("Token \"" + token.name() + "\" revoked", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (NotFoundException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private static Span status(ApiToken token) {
        Span status = new Span(token.active() ? "Active" : "Revoked " + format(token.revokedAt()));
        status.addClassName("gci-badge");
        status.getElement().setAttribute("data-status", token.active() ? "COMPLETED" : "CANCELLED");
        return status;
    }

    private static String format(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}

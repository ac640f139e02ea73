package com.giftcardimport.api.ui;

import com.giftcardimport.api.ApiToken;
import com.giftcardimport.api.ApiTokenService;
import com.giftcardimport.api.NewApiToken;
import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.i18n.Formats;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The API tokens of the current project: create one (its secret is shown once), see who made each and when it
 * was last used, revoke one.
 */
@Route("api-tokens")
@RolesAllowed(Roles.PROJECT_ADMIN)
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final transient ApiTokenService tokens;
    final TextField name = new TextField(getTranslation("token.name"));
    final Button create = new Button(getTranslation("token.create"), VaadinIcon.KEY.create());
    final Grid<ApiToken> grid = new Grid<>();

    ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        setSizeFull();

        Paragraph intro = new Paragraph(getTranslation("token.intro"));
        intro.addClassName("gci-muted");
        Anchor docs = new Anchor("swagger-ui.html", getTranslation("token.reference"));
        docs.setTarget("_blank");
        docs.setRouterIgnore(true);

        name.setPlaceholder(getTranslation("token.name.placeholder"));
        name.setHelperText(getTranslation("token.name.hint"));
        name.setMaxLength(100);
        name.setClearButtonVisible(true);
        name.setWidth("min(20em, 100%)");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        create.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.addClassName("gci-stack-narrow");

        grid.addColumn(ApiToken::name).setHeader(getTranslation("token.list.name")).setFlexGrow(1).setFrozen(true);
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("token.list.token")).setAutoWidth(true);
        grid.addColumn(ApiToken::createdBy).setHeader(getTranslation("token.list.createdBy")).setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), getLocale()))
                .setHeader(getTranslation("token.list.created")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("token.list.never")
                : Formats.dateTime(t.lastUsedAt(), getLocale())).setHeader(getTranslation("token.list.lastUsed"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("token.list.status")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (!t.active()) {
                return new Span();
            }
            Button revoke = new Button(getTranslation("token.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setEmptyStateComponent(new Span(getTranslation("token.list.empty")));

        add(new H2(getTranslation("token.title")), intro, docs, form, grid);
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
            name.setErrorMessage(e.messagesIn(getLocale()).getOrDefault("name", e.getMessage()));
            name.setInvalid(true);
        }
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("token.revoke.title", token.name()),
                getTranslation("token.revoke.text"), getTranslation("token.revoke"), e -> revoke(token));
        confirm.setCancelText(getTranslation("token.revoke.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void revoke(ApiToken token) {
        try {
            tokens.revoke(token.id());
            Notification.show(getTranslation("token.revoked", token.name()), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (NotFoundException e) {
            Notification.show(getTranslation("token.notFound"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("token.pageTitle");
    }

    private Span status(ApiToken token) {
        Span status = new Span(token.active() ? getTranslation("token.status.active")
                : getTranslation("token.status.revoked", Formats.dateTime(token.revokedAt(), getLocale())));
        status.addClassName("gci-badge");
        status.getElement().setAttribute("data-status", token.active() ? "COMPLETED" : "CANCELLED");
        return status;
    }
}

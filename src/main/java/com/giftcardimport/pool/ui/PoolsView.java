package com.giftcardimport.pool.ui;

import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.i18n.Formats;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolOverview;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.Validity;
import com.giftcardimport.pool.ValueType;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The pools of the current project. Project admins create and edit them in a dialog; account managers see the
 * list read-only.
 */
@Route("pools")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class PoolsView extends VerticalLayout implements HasDynamicTitle {

    private final transient PoolService pools;
    final Grid<PoolOverview> grid = new Grid<>();
    final Button create = new Button(getTranslation("pool.list.new"), VaadinIcon.PLUS.create());
    private final boolean mayManage;

    PoolsView(PoolService pools) {
        this.pools = pools;
        this.mayManage = pools.mayManage();
        setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("pool.list.title")));
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (mayManage) {
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(e -> openNew());
            header.add(create);
        }
        Paragraph intro = new Paragraph(getTranslation("pool.list.intro"));
        intro.addClassName("gci-muted");

        grid.addColumn(o -> o.pool().systemName().value()).setHeader(getTranslation("pool.list.systemName"))
                .setSortable(true).setAutoWidth(true).setFrozen(true);
        grid.addColumn(o -> o.pool().name()).setHeader(getTranslation("pool.list.name")).setSortable(true)
                .setWidth("14rem").setFlexGrow(1);
        grid.addColumn(o -> getTranslation("pool.valueType." + o.pool().valueType().name()))
                .setHeader(getTranslation("pool.list.valueType")).setAutoWidth(true);
        grid.addColumn(o -> Formats.amount(o.pool().faceValue(), getLocale()))
                .setHeader(getTranslation("pool.list.faceValue")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation(o.pool().cvvRequired() ? "pool.list.cvv.required" : "pool.list.cvv.no"))
                .setHeader(getTranslation("pool.list.cvv")).setAutoWidth(true);
        grid.addColumn(o -> validity(o.pool().validity())).setHeader(getTranslation("pool.list.validity"))
                .setAutoWidth(true);
        grid.addColumn(o -> getTranslation(o.hasCards() ? "pool.list.cards.locked" : "pool.list.cards.none"))
                .setHeader(getTranslation("pool.list.cards")).setAutoWidth(true);
        if (mayManage) {
            grid.addComponentColumn(o -> {
                Button edit = new Button(getTranslation("pool.list.edit"), e -> openEdit(o));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                return edit;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
            grid.addItemDoubleClickListener(e -> openEdit(e.getItem()));
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setEmptyStateComponent(new Span(getTranslation(mayManage ? "pool.list.empty.admin"
                : "pool.list.empty")));

        add(header, intro, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(pools.overview());
    }

    private void openNew() {
        PoolDraft empty = new PoolDraft("", "", ValueType.FIXED, null, false, null, null);
        new PoolDialog(getTranslation("pool.form.newTitle"), empty, false, draft -> {
            pools.create(draft);
            notifySaved(getTranslation("pool.list.created", draft.name().strip()));
        }).open();
    }

    private void openEdit(PoolOverview overview) {
        try {
            Pool pool = pools.get(overview.pool().id());
            boolean locked = pools.hasCards(pool.id());
            new PoolDialog(getTranslation("pool.form.editTitle", pool.systemName().value()), PoolDraft.of(pool),
                    locked, draft -> {
                pools.update(pool.id(), draft);
                notifySaved(getTranslation("pool.list.saved", draft.name().strip()));
            }).open();
        } catch (NotFoundException e) {
            Notification.show(getTranslation("pool.notFound"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pool.list.pageTitle");
    }

    /** "No expiry", "90 days" / "90 дней". */
    private String validity(Validity validity) {
        return switch (validity) {
            case Validity.None none -> getTranslation("pool.validity.none");
            case Validity.Period period -> getTranslation("pool.validity." + period.unit().name(), period.amount());
        };
    }

    private void notifySaved(String message) {
        refresh();
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}

package com.giftcardimport.pool.ui;

import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolOverview;
import com.giftcardimport.pool.PoolService;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The pools of the current project. Project admins create and edit them in a dialog; account managers see the
 * list read-only.
 */
@Route("pools")
@PageTitle("Pools · Gift Card Import")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class PoolsView extends VerticalLayout {

    private final transient PoolService pools;
    final Grid<PoolOverview> grid = new Grid<>();
    final Button create = new Button("New pool", VaadinIcon.PLUS.create());
    private final boolean mayManage;

    PoolsView(PoolService pools) {
        this.pools = pools;
        this.mayManage = pools.mayManage();
        setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2("Pools"));
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (mayManage) {
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(e -> openNew());
            header.add(create);
        }
        Paragraph intro = new Paragraph("A pool groups cards that share value and expiry rules. Files refer to a "
                + "pool by its system name. Once a pool has cards, its value type, face value and validity are locked.");
        intro.addClassName("gci-muted");

        grid.addColumn(o -> o.pool().systemName().value()).setHeader("System name").setSortable(true).setAutoWidth(true);
        grid.addColumn(o -> o.pool().name()).setHeader("Name").setSortable(true).setWidth("14rem").setFlexGrow(1);
        grid.addColumn(o -> o.pool().valueType().label()).setHeader("Value type").setAutoWidth(true);
        grid.addColumn(o -> o.pool().faceValue() == null ? "" : o.pool().faceValue().toPlainString())
                .setHeader("Face value").setAutoWidth(true);
        grid.addColumn(o -> o.pool().cvvRequired() ? "Required" : "No").setHeader("CVV transfer").setAutoWidth(true);
        grid.addColumn(o -> o.pool().validity().label()).setHeader("Validity").setAutoWidth(true);
        grid.addColumn(o -> o.hasCards() ? "Has cards (rules locked)" : "No cards yet").setHeader("Cards")
                .setAutoWidth(true);
        if (mayManage) {
            grid.addComponentColumn(o -> {
                Button edit = new Button("Edit", e -> openEdit(o));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                return edit;
            }).setHeader("").setAutoWidth(true).setFlexGrow(0);
            grid.addItemDoubleClickListener(e -> openEdit(e.getItem()));
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setEmptyStateComponent(new Span(mayManage ? "No pools yet. Create the first one with \"New pool\"."
                : "No pools yet."));

        add(header, intro, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(pools.overview());
    }

    private void openNew() {
        PoolDraft empty = new PoolDraft("", "", ValueType.FIXED, null, false, null, null);
        new PoolDialog("New pool", empty, false, draft -> {
            pools.create(draft);
            notifySaved("Pool \"" + draft.name().strip() + "\" created");
        }).open();
    }

    private void openEdit(PoolOverview overview) {
        try {
            Pool pool = pools.get(overview.pool().id());
            boolean locked = pools.hasCards(pool.id());
            new PoolDialog("Edit pool " + pool.systemName(), PoolDraft.of(pool), locked, draft -> {
                pools.update(pool.id(), draft);
                notifySaved("Pool \"" + draft.name().strip() + "\" saved");
            }).open();
        } catch (NotFoundException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    private void notifySaved(String message) {
        refresh();
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}

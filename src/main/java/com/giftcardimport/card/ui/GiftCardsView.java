package com.giftcardimport.card.ui;

import com.giftcardimport.card.GiftCardFilter;
import com.giftcardimport.card.GiftCardService;
import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.card.MaskedGiftCard;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The gift cards of the current project in a lazily loaded, paged grid, filtered by pool and status. Card
 * numbers are masked and CVVs only shown as {@code •••}.
 */
@Route("cards")
@PageTitle("Gift cards · Gift Card Import")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class GiftCardsView extends VerticalLayout {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient GiftCardService cards;
    final ComboBox<Pool> pool = new ComboBox<>("Pool");
    final Select<GiftCardStatus> status = new Select<>();
    final Grid<MaskedGiftCard> grid = new Grid<>();
    final Span total = new Span();
    private GiftCardFilter filter = GiftCardFilter.all();

    GiftCardsView(GiftCardService cards) {
        this.cards = cards;
        setSizeFull();

        pool.setItems(cards.pools());
        pool.setItemLabelGenerator(p -> p.systemName() + " · " + p.name());
        pool.setPlaceholder("All pools");
        pool.setClearButtonVisible(true);
        pool.setWidth("22rem");
        pool.addValueChangeListener(e -> applyFilter(filter.withPool(e.getValue() == null ? null : e.getValue().id())));

        status.setLabel("Status");
        status.setItems(GiftCardStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : s.label());
        status.addValueChangeListener(e -> applyFilter(filter.withStatus(e.getValue())));

        total.addClassName("gci-muted");
        HorizontalLayout filters = new HorizontalLayout(pool, status, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(MaskedGiftCard::maskedNumber).setHeader("Card number").setAutoWidth(true);
        grid.addColumn(MaskedGiftCard::cvvMask).setHeader("CVV").setAutoWidth(true);
        grid.addColumn(MaskedGiftCard::poolSystemName).setHeader("Pool").setAutoWidth(true);
        grid.addColumn(c -> c.balance().toPlainString()).setHeader("Balance").setAutoWidth(true);
        grid.addColumn(c -> c.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> format(c.purchasedAt())).setHeader("Purchased").setAutoWidth(true);
        grid.addColumn(c -> format(c.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(MaskedGiftCard::pointOfContact).setHeader("Point of contact").setFlexGrow(1);
        grid.addColumn(c -> format(c.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.setPageSize(100);
        grid.setSizeFull();
        grid.setEmptyStateText("No gift cards match. Cards arrive through imports.");
        grid.setItems(query -> cards.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(cards.count(filter), Integer.MAX_VALUE));

        add(new H2("Gift cards"), filters, grid);
        updateTotal();
    }

    private void applyFilter(GiftCardFilter newFilter) {
        filter = newFilter;
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    private void updateTotal() {
        long count = cards.count(filter);
        total.setText(count == 1 ? "1 card" : count + " cards");
    }

    private static String format(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}

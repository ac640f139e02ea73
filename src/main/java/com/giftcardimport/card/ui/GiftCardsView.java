package com.giftcardimport.card.ui;

import com.giftcardimport.base.NarrowColumns;
import com.giftcardimport.card.CardNumberSearch;
import com.giftcardimport.card.GiftCardFilter;
import com.giftcardimport.card.GiftCardService;
import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.card.MaskedGiftCard;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The gift cards of the current project in a lazily loaded, paged grid: found by number (whole, or by its start for
 * project admins) and filtered by pool, status and import ({@code cards?import=42} opens with an import chosen).
 * Card numbers are masked and CVVs only shown as {@code •••}.
 */
@Route("cards")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class GiftCardsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final transient GiftCardService cards;
    final TextField number = new TextField(getTranslation("cards.filter.number"));
    final Checkbox wholeNumber = new Checkbox(getTranslation("cards.filter.wholeNumber"));
    final ComboBox<Pool> pool = new ComboBox<>(getTranslation("cards.filter.pool"));
    final Select<GiftCardStatus> status = new Select<>();
    final TextField importJob = new TextField(getTranslation("cards.filter.import"));
    final Grid<MaskedGiftCard> grid = new Grid<>();
    final Span total = new Span();
    private GiftCardFilter filter = GiftCardFilter.all();

    GiftCardsView(GiftCardService cards) {
        this.cards = cards;
        setSizeFull();

        number.setClearButtonVisible(true);
        number.setValueChangeMode(ValueChangeMode.LAZY);
        number.setMaxLength(64);
        number.addValueChangeListener(e -> applyFilter());
        boolean prefix = cards.maySearchByPrefix();
        wholeNumber.setValue(!prefix);
        wholeNumber.setEnabled(prefix);
        number.setHelperText(getTranslation(prefix ? "cards.filter.numberHelper" : "cards.filter.numberHelperWhole"));
        wholeNumber.addValueChangeListener(e -> applyFilter());

        pool.setItems(cards.pools());
        pool.setItemLabelGenerator(p -> p.systemName() + " · " + p.name());
        pool.setPlaceholder(getTranslation("cards.filter.allPools"));
        pool.setClearButtonVisible(true);
        pool.addValueChangeListener(e -> applyFilter());

        String allStatuses = getTranslation("cards.filter.allStatuses");
        status.setLabel(getTranslation("cards.filter.status"));
        status.setItems(GiftCardStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(allStatuses);
        status.setItemLabelGenerator(s -> s == null ? allStatuses : getTranslation("cards.status." + s.name()));
        status.addValueChangeListener(e -> applyFilter());

        importJob.setAllowedCharPattern("[0-9]");
        importJob.setMaxLength(18);
        importJob.setClearButtonVisible(true);
        importJob.setValueChangeMode(ValueChangeMode.LAZY);
        importJob.setPlaceholder(getTranslation("cards.filter.anyImport"));
        importJob.addValueChangeListener(e -> applyFilter());

        total.addClassName("gci-muted");
        HorizontalLayout filters = new HorizontalLayout(number, wholeNumber, pool, status, importJob, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("gci-filters");

        grid.addColumn(MaskedGiftCard::maskedNumber).setHeader(getTranslation("cards.column.number"))
                .setAutoWidth(true).setKey("number");
        grid.addColumn(MaskedGiftCard::cvvMask).setHeader(getTranslation("cards.column.cvv")).setAutoWidth(true)
                .setKey("cvv");
        grid.addColumn(MaskedGiftCard::poolSystemName).setHeader(getTranslation("cards.column.pool"))
                .setAutoWidth(true).setKey("pool");
        grid.addColumn(c -> c.balance().toPlainString()).setHeader(getTranslation("cards.column.balance"))
                .setAutoWidth(true).setKey("balance");
        grid.addColumn(c -> getTranslation("cards.status." + c.status().name()))
                .setHeader(getTranslation("cards.column.status")).setAutoWidth(true).setKey("status");
        grid.addColumn(c -> format(c.purchasedAt())).setHeader(getTranslation("cards.column.purchased"))
                .setAutoWidth(true).setKey("purchased");
        grid.addColumn(c -> format(c.expiresAt())).setHeader(getTranslation("cards.column.expires"))
                .setAutoWidth(true).setKey("expires");
        grid.addColumn(MaskedGiftCard::pointOfContact).setHeader(getTranslation("cards.column.pointOfContact"))
                .setFlexGrow(1).setKey("pointOfContact");
        grid.addColumn(c -> format(c.createdAt())).setHeader(getTranslation("cards.column.added"))
                .setAutoWidth(true).setKey("added");
        grid.setPageSize(100);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("cards.empty"));
        grid.setItems(query -> cards.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(cards.count(filter), Integer.MAX_VALUE));
        NarrowColumns.hideWhenNarrow(grid, "cvv", "pool", "purchased", "expires", "pointOfContact", "added");

        add(new H2(getTranslation("cards.title")), filters, grid);
        updateTotal();
    }

    /** {@code cards?import=42} chooses the import. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("import")
                .filter(value -> value.matches("[0-9]{1,18}"))
                .ifPresent(importJob::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cards.pageTitle");
    }

    private void applyFilter() {
        GiftCardFilter chosen = new GiftCardFilter(pool.getValue() == null ? null : pool.getValue().id(),
                status.getValue(), importJob.isEmpty() ? null : Long.valueOf(importJob.getValue()), null);
        number.setInvalid(false);
        if (!number.getValue().isBlank()) {
            try {
                chosen = chosen.withNumber(new CardNumberSearch(number.getValue(), wholeNumber.getValue()));
            } catch (IllegalArgumentException e) {
                number.setErrorMessage(getTranslation("cards.filter.numberInvalid"));
                number.setInvalid(true);
                return;
            }
        }
        filter = chosen;
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    private void updateTotal() {
        long count = cards.count(filter);
        total.setText(count == 1 ? getTranslation("cards.count.one") : getTranslation("cards.count.many", count));
    }

    private static String format(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}

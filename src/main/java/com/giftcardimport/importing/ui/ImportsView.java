package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CorrectionLinks;
import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressFeed;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.LaunchedBy;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Import page: the current project's imports, newest first, in a lazy grid with filters. Running imports
 * update live by server push, whoever launched them; a row opens the import's result page.
 */
@Route("imports")
@PageTitle("Imports · Gift Card Import")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class ImportsView extends VerticalLayout {

    private final transient ImportQueries imports;
    private final transient ImportProgressFeed feed;
    final Grid<ImportSummary> grid = new Grid<>();
    final Button newImport = new Button("New import", VaadinIcon.PLUS.create());
    final Select<ImportStatus> status = new Select<>();
    final ComboBox<LaunchedBy> launchedBy = new ComboBox<>("Launched by");
    final DatePicker from = new DatePicker("Launched from");
    final DatePicker to = new DatePicker("Launched to");
    final Span total = new Span();
    private final CallbackDataProvider<ImportSummary, Void> rows;
    private ImportFilter filter = ImportFilter.ALL;
    /** The imports the grid has fetched (then updated from events), to tell a counter update from a change of rows. */
    private final Map<ImportJobId, ImportSummary> shown = new HashMap<>();

    /** The correction links of the imports fetched (issue 11): a follow-up names its original, and back. */
    private final Map<ImportJobId, CorrectionLinks> links = new HashMap<>();

    ImportsView(ImportQueries imports, ImportProgressFeed feed, ImportCorrections corrections) {
        this.feed = feed;
        this.imports = imports;
        setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2("Imports"));
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (imports.mayLaunch()) {
            newImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newImport.setId("new-import");
            newImport.addClickListener(e -> UI.getCurrent().navigate(ImportWizard.class));
            header.add(newImport);
        }

        status.setLabel("Status");
        status.setItems(ImportStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : s.label());
        status.addValueChangeListener(e -> applyFilter());

        launchedBy.setItems(imports.launchers());
        launchedBy.setItemLabelGenerator(LaunchedBy::name);
        launchedBy.setPlaceholder("Anyone");
        launchedBy.setClearButtonVisible(true);
        launchedBy.addValueChangeListener(e -> applyFilter());

        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setHelperText("UTC");
        to.setHelperText("UTC, inclusive");
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());

        total.addClassName("gci-muted");
        HorizontalLayout filters = new HorizontalLayout(status, launchedBy, from, to, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        configureGrid(grid, true);
        // items are known by id, so that a refreshed import replaces its row (records compare by value)
        rows = new CallbackDataProvider<>(query -> {
            List<ImportSummary> page = imports.list(filter, query.getOffset(), query.getLimit());
            page.forEach(job -> shown.put(job.id(), job));
            links.putAll(corrections.linksOf(page.stream().map(ImportSummary::id).toList()));
            return page.stream();
        }, query -> (int) Math.min(imports.count(filter), Integer.MAX_VALUE), ImportSummary::id);
        grid.addComponentColumn(job -> CorrectionSection.badge(links.get(job.id())))
                .setHeader(getTranslation("correction.column.link")).setWidth("7rem").setFlexGrow(0)
                .setKey("correction");
        grid.setItems(rows);
        grid.addItemClickListener(e -> UI.getCurrent().navigate(ImportResultView.class,
                new RouteParameters("id", e.getItem().id().toString())));
        grid.setEmptyStateText(imports.mayLaunch() ? "No imports yet. Start one with \"New import\"."
                : "No imports match.");

        add(header, filters, grid);
        updateTotal();
        LiveProgress.bind(this, feed::subscribe, this::onProgress);
    }

    /** The columns of an import list; the audit adds the project and leaves out the progress bar. */
    static void configureGrid(Grid<ImportSummary> grid, boolean withProgress) {
        grid.addColumn(j -> ImportDisplay.shortDateTime(j.launchedAt())).setHeader("Launched (UTC)")
                .setWidth("8.5rem").setFlexGrow(0).setKey("launched");
        grid.addComponentColumn(ImportDisplay::typeAndActionCell).setHeader("Import").setWidth("9.5rem")
                .setFlexGrow(0).setKey("import").setTooltipGenerator(ImportDisplay::typeAndAction);
        grid.addColumn(ImportSummary::launchedBy).setHeader("Launched by").setWidth("8rem").setFlexGrow(0)
                .setKey("launchedBy").setTooltipGenerator(ImportSummary::launchedBy);
        grid.addColumn(ImportSummary::originalFileName).setHeader("File").setFlexGrow(1).setKey("file")
                .setTooltipGenerator(ImportSummary::originalFileName);
        grid.addComponentColumn(ImportDisplay::statusCell).setHeader("Status").setWidth("10.5rem")
                .setFlexGrow(0).setKey("status");
        if (withProgress) {
            grid.addComponentColumn(ImportDisplay::progress).setHeader("Progress").setWidth("8.5rem")
                    .setFlexGrow(0).setKey("progress");
        }
        grid.addComponentColumn(ImportDisplay::rows).setHeader("Imported / failed / total").setWidth("11rem")
                .setFlexGrow(0).setKey("rows");
        grid.addColumn(ImportDisplay::duration).setHeader("Duration").setWidth("6rem").setFlexGrow(0)
                .setKey("duration");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("gci-import-grid");
        grid.setPageSize(50);
        grid.setSizeFull();
    }

    private void applyFilter() {
        filter = new ImportFilter(status.getValue(),
                Optional.ofNullable(launchedBy.getValue()).map(LaunchedBy::userId).orElse(null),
                startOf(from.getValue()), startOf(to.getValue() == null ? null : to.getValue().plusDays(1)));
        rows.refreshAll();
        updateTotal();
    }

    /**
     * A running import reported: its row is updated from the event itself; the rows are read again only when one
     * appeared or changed status (its place in the list, its times and its end may have changed).
     */
    private void onProgress(List<ImportProgress> batch) {
        boolean rowsChanged = false;
        for (ImportProgress progress : batch) {
            ImportSummary before = shown.get(progress.jobId());
            if (before == null || before.status() != progress.status()) {
                rowsChanged = true;
                continue;
            }
            ImportSummary updated = before.withProgress(progress);
            shown.put(updated.id(), updated);
            rows.refreshItem(updated);
        }
        if (rowsChanged) {
            rows.refreshAll();
            updateTotal();
        }
    }

    private void updateTotal() {
        long count = imports.count(filter);
        total.setText(count == 1 ? "1 import" : ImportDisplay.number(count) + " imports");
    }

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

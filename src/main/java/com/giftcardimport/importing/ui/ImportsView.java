package com.giftcardimport.importing.ui;

import com.giftcardimport.base.NarrowColumns;
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
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
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
 * update live by server push, whoever launched them, with their rows per second and time left; a row opens the
 * import's result page.
 */
@Route("imports")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class ImportsView extends VerticalLayout implements HasDynamicTitle {

    /** The columns a phone does without: the file, the status, the progress and the counters stay. */
    static final List<String> SECONDARY_COLUMNS = List.of("launched", "import", "launchedBy", "duration",
            "correction");

    private final transient ImportQueries imports;
    private final transient ImportProgressFeed feed;
    final Grid<ImportSummary> grid = new Grid<>();
    final Button newImport = new Button(getTranslation("imports.new"), VaadinIcon.PLUS.create());
    final Select<ImportStatus> status = new Select<>();
    final ComboBox<LaunchedBy> launchedBy = new ComboBox<>(getTranslation("imports.filter.launchedBy"));
    final DatePicker from = new DatePicker(getTranslation("imports.filter.from"));
    final DatePicker to = new DatePicker(getTranslation("imports.filter.to"));
    final Span total = new Span();
    private final CallbackDataProvider<ImportSummary, Void> rows;
    private ImportFilter filter = ImportFilter.ALL;
    /** The imports the grid has fetched (then updated from events), to tell a counter update from a change of rows. */
    private final Map<ImportJobId, ImportSummary> shown = new HashMap<>();
    private final LiveProgress live;

    /** The correction links of the imports fetched (issue 11): a follow-up names its original, and back. */
    private final Map<ImportJobId, CorrectionLinks> links = new HashMap<>();

    ImportsView(ImportQueries imports, ImportProgressFeed feed, ImportCorrections corrections) {
        this.feed = feed;
        this.imports = imports;
        setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("imports.title")));
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (imports.mayLaunch()) {
            newImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newImport.setId("new-import");
            newImport.addClickListener(e -> UI.getCurrent().navigate(ImportWizard.class));
            header.add(newImport);
        }

        configureFilters(status, launchedBy, from, to);
        status.addValueChangeListener(e -> applyFilter());
        launchedBy.setItems(imports.launchers());
        launchedBy.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());

        total.addClassName("gci-muted");
        HorizontalLayout filters = new HorizontalLayout(status, launchedBy, from, to, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("gci-filters");

        configureGrid(grid, this::progressCell);
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
        grid.setEmptyStateText(getTranslation(imports.mayLaunch() ? "imports.empty.admin" : "imports.empty"));

        add(header, filters, grid);
        updateTotal();
        live = LiveProgress.bind(this, feed::subscribe, this::onProgress);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.pageTitle");
    }

    /** The filters an import list shares with the audit: status, who launched it and when (items not set). */
    static void configureFilters(Select<ImportStatus> status, ComboBox<LaunchedBy> launchedBy, DatePicker from,
                                 DatePicker to) {
        String all = status.getTranslation("imports.filter.allStatuses");
        status.setLabel(status.getTranslation("imports.filter.status"));
        status.setItems(ImportStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(all);
        status.setItemLabelGenerator(s -> s == null ? all : status.getTranslation("imports.status." + s.name()));
        launchedBy.setItemLabelGenerator(LaunchedBy::name);
        launchedBy.setPlaceholder(launchedBy.getTranslation("imports.filter.anyone"));
        launchedBy.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setHelperText(from.getTranslation("imports.filter.fromHelper"));
        to.setHelperText(to.getTranslation("imports.filter.toHelper"));
    }

    /**
     * The columns of an import list; the audit adds the project and leaves out the progress ({@code progress}
     * null). On a phone only the file, the status, the progress and the counters stay ({@link NarrowColumns}).
     */
    static void configureGrid(Grid<ImportSummary> grid, ValueProvider<ImportSummary, Component> progress) {
        grid.addColumn(j -> ImportDisplay.shortDateTime(j.launchedAt()))
                .setHeader(grid.getTranslation("imports.column.launched")).setWidth("8.5rem").setFlexGrow(0)
                .setKey("launched");
        grid.addComponentColumn(ImportDisplay::typeAndActionCell)
                .setHeader(grid.getTranslation("imports.column.import"))
                .setWidth("9.5rem").setFlexGrow(0).setKey("import").setTooltipGenerator(ImportDisplay::typeAndAction);
        grid.addColumn(ImportSummary::launchedBy).setHeader(grid.getTranslation("imports.column.launchedBy"))
                .setWidth("8rem").setFlexGrow(0).setKey("launchedBy").setTooltipGenerator(ImportSummary::launchedBy);
        grid.addColumn(ImportSummary::originalFileName).setHeader(grid.getTranslation("imports.column.file"))
                .setFlexGrow(1).setKey("file").setTooltipGenerator(ImportSummary::originalFileName);
        grid.addComponentColumn(ImportDisplay::statusCell).setHeader(grid.getTranslation("imports.column.status"))
                .setWidth("10.5rem").setFlexGrow(0).setKey("status");
        if (progress != null) {
            grid.addComponentColumn(progress).setHeader(grid.getTranslation("imports.column.progress"))
                    .setWidth("9.5rem").setFlexGrow(0).setKey("progress");
        }
        grid.addComponentColumn(ImportDisplay::rows).setHeader(grid.getTranslation("imports.column.rows"))
                .setWidth("11rem").setFlexGrow(0).setKey("rows");
        grid.addColumn(ImportDisplay::duration).setHeader(grid.getTranslation("imports.column.duration"))
                .setWidth("6rem").setFlexGrow(0).setKey("duration");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        NarrowColumns.hideWhenNarrow(grid, SECONDARY_COLUMNS.toArray(String[]::new));
        grid.addClassName("gci-import-grid");
        grid.setPageSize(50);
        grid.setSizeFull();
    }

    /** The progress bar and, while the import runs, its rows per second and time left. */
    private Component progressCell(ImportSummary job) {
        Div cell = ImportDisplay.progress(job);
        cell.add(live.paceLine(job));
        return cell;
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
        total.setText(countText(total, count));
    }

    /** "1 import", "12 imports" in the user's language. */
    static String countText(Component where, long count) {
        return count == 1 ? where.getTranslation("imports.count.one")
                : where.getTranslation("imports.count.many", ImportDisplay.number(count));
    }

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

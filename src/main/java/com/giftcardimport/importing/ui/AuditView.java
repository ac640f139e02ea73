package com.giftcardimport.importing.ui;

import com.giftcardimport.base.NarrowColumns;
import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportNotFoundException;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressFeed;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.LaunchedBy;
import com.giftcardimport.project.Membership;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The account managers' audit: every import of the projects assigned to them, with the project, who launched it,
 * when, what and with what result. Read-only; no values of any file are shown (so no CVV either). Running imports
 * update live. A row opens the import (its project becomes the current one); the list exports as CSV with the
 * filters on screen ({@link AuditCsv}).
 */
@Route("audit")
@RolesAllowed(Roles.ACCOUNT_MANAGER)
class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final transient ImportQueries imports;
    final Grid<ImportSummary> grid = new Grid<>();
    final Select<Membership> project = new Select<>();
    final Select<ImportStatus> status = new Select<>();
    final ComboBox<LaunchedBy> launchedBy = new ComboBox<>(getTranslation("imports.filter.launchedBy"));
    final DatePicker from = new DatePicker(getTranslation("imports.filter.from"));
    final DatePicker to = new DatePicker(getTranslation("imports.filter.to"));
    final Span total = new Span();
    final Anchor export = new Anchor();
    private ImportFilter filter = ImportFilter.ALL;

    AuditView(ImportQueries imports, ImportProgressFeed feed) {
        this.imports = imports;
        setSizeFull();

        Paragraph intro = new Paragraph(getTranslation("audit.intro"));
        intro.addClassName("gci-muted");

        String allProjects = getTranslation("audit.filter.allProjects");
        project.setLabel(getTranslation("audit.filter.project"));
        project.setItems(imports.auditableProjects());
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption(allProjects);
        project.setItemLabelGenerator(m -> m == null ? allProjects : m.projectName());
        project.addValueChangeListener(e -> applyFilter());

        ImportsView.configureFilters(status, launchedBy, from, to);
        status.addValueChangeListener(e -> applyFilter());
        launchedBy.setItems(imports.auditLaunchers());
        launchedBy.addValueChangeListener(e -> applyFilter());
        from.addValueChangeListener(e -> applyFilter());
        to.addValueChangeListener(e -> applyFilter());

        total.addClassName("gci-muted");
        export.setText(getTranslation("audit.export"));
        export.setId("audit-export");
        export.addClassName("gci-download");
        DownloadHandler csv = event -> {
            event.setFileName("audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            writeCsv(event.getOutputStream());
        };
        export.setHref(csv, AttachmentType.DOWNLOAD);
        HorizontalLayout filters = new HorizontalLayout(project, status, launchedBy, from, to, total, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("gci-filters");

        grid.addColumn(ImportSummary::projectName).setHeader(getTranslation("audit.column.project")).setWidth("9rem")
                .setFlexGrow(0).setKey("project").setTooltipGenerator(ImportSummary::projectName);
        ImportsView.configureGrid(grid, null);
        grid.setItems(new CallbackDataProvider<>(
                query -> imports.audit(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(imports.auditCount(filter), Integer.MAX_VALUE), ImportSummary::id));
        grid.setEmptyStateText(getTranslation("imports.empty"));
        grid.addItemClickListener(e -> open(e.getItem()));
        NarrowColumns.hideWhenNarrow(grid, "file");

        add(new H2(getTranslation("audit.title")), intro, filters, grid);
        updateTotal();
        LiveProgress.bind(this, feed::subscribeAudit, this::onProgress);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.pageTitle");
    }

    /**
     * Opens the import's result page. Its project becomes the current one first (the service checks the membership),
     * and the shell is rebuilt so that the header shows it.
     */
    void open(ImportSummary job) {
        ImportJobId id;
        try {
            id = imports.openFromAudit(job.id());
        } catch (ImportNotFoundException e) {
            Notification.show(getTranslation("audit.notFound"), 4000, Notification.Position.BOTTOM_START);
            grid.getDataProvider().refreshAll();
            return;
        }
        UI ui = UI.getCurrent();
        ui.navigate(ImportResultView.class, new RouteParameters("id", id.toString()));
        ui.refreshCurrentRoute(true);
    }

    /** The CSV export of what the filters select (the download link streams it). */
    void writeCsv(OutputStream out) {
        AuditCsv.write(imports, filter, this, out);
    }

    private void applyFilter() {
        filter = new ImportFilter(status.getValue(),
                Optional.ofNullable(launchedBy.getValue()).map(LaunchedBy::userId).orElse(null),
                startOf(from.getValue()), startOf(to.getValue() == null ? null : to.getValue().plusDays(1)),
                Optional.ofNullable(project.getValue()).map(Membership::projectId).orElse(null));
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    /** The audit spans projects, so an event reloads the visible rows (the page is small and events are few). */
    private void onProgress(List<ImportProgress> batch) {
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    private void updateTotal() {
        total.setText(ImportsView.countText(total, imports.auditCount(filter)));
    }

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

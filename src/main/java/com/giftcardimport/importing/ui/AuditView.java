package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressFeed;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.LaunchedBy;
import com.giftcardimport.project.Membership;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The account managers' audit: every import of the projects assigned to them, with the project, who launched it,
 * when, what and with what result. Read-only; no values of any file are shown (so no CVV either). Running imports
 * update live.
 */
@Route("audit")
@PageTitle("Audit · Gift Card Import")
@RolesAllowed(Roles.ACCOUNT_MANAGER)
class AuditView extends VerticalLayout {

    private final transient ImportQueries imports;
    private final transient ImportProgressFeed feed;
    final Grid<ImportSummary> grid = new Grid<>();
    final Select<Membership> project = new Select<>();
    final Select<ImportStatus> status = new Select<>();
    final ComboBox<LaunchedBy> launchedBy = new ComboBox<>("Launched by");
    final DatePicker from = new DatePicker("Launched from");
    final DatePicker to = new DatePicker("Launched to");
    final Span total = new Span();
    private ImportFilter filter = ImportFilter.ALL;

    AuditView(ImportQueries imports, ImportProgressFeed feed) {
        this.feed = feed;
        this.imports = imports;
        setSizeFull();

        Paragraph intro = new Paragraph("Every import of the projects assigned to you: who launched it, when and "
                + "with what result. This view is read-only.");
        intro.addClassName("gci-muted");

        project.setLabel("Project");
        project.setItems(imports.auditableProjects());
        project.setEmptySelectionAllowed(true);
        project.setEmptySelectionCaption("All projects");
        project.setItemLabelGenerator(m -> m == null ? "All projects" : m.projectName());
        project.addValueChangeListener(e -> applyFilter());

        status.setLabel("Status");
        status.setItems(ImportStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : s.label());
        status.addValueChangeListener(e -> applyFilter());

        launchedBy.setItems(imports.auditLaunchers());
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
        HorizontalLayout filters = new HorizontalLayout(project, status, launchedBy, from, to, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(ImportSummary::projectName).setHeader("Project").setWidth("9rem").setFlexGrow(0)
                .setKey("project").setTooltipGenerator(ImportSummary::projectName);
        ImportsView.configureGrid(grid, false);
        grid.setItems(new CallbackDataProvider<>(
                query -> imports.audit(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(imports.auditCount(filter), Integer.MAX_VALUE), ImportSummary::id));
        grid.setEmptyStateText("No imports match.");

        add(new H2("Audit"), intro, filters, grid);
        updateTotal();
        LiveProgress.bind(this, feed::subscribeAudit, this::onProgress);
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
        long count = imports.auditCount(filter);
        total.setText(count == 1 ? "1 import" : ImportDisplay.number(count) + " imports");
    }

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

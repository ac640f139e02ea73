package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportCorrections;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportUndo;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportCancellation;
import com.giftcardimport.importing.ImportProgressFeed;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The result page of one import of the current project: status, counters, duration, the mapping used, the row
 * errors in a lazy grid and the error report; Cancel while it runs and Undo once it ended (project admins,
 * {@link UndoPanel}). Updates live while the import runs. An import of another project is "not found", exactly like one that does not exist.
 */
@Route("imports/:id([0-9]{1,18})")
@RolesAllowed({Roles.PROJECT_ADMIN, Roles.ACCOUNT_MANAGER})
class ImportResultView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The facts' keys ({@code result.fact.*}), shown in pairs, left to right. */
    private static final List<String> FACTS = List.of("import", "launched-by", "file", "format", "launched",
            "duration", "started", "finished", "rows-in-the-file", "imported", "failed", "not-processed",
            "unchanged");

    private final transient ImportQueries imports;
    private final transient ImportCancellation cancellation;
    private final transient ImportProgressFeed feed;
    private final LiveProgress live;
    final UndoPanel undoPanel;
    final CorrectionSection correction;
    private ImportJobId jobId;
    private ImportSummary job;
    private boolean admin;

    final H2 title = new H2();
    final Div badge = new Div();
    final Button cancel = new Button(VaadinIcon.STOP.create());
    final Div progress = new Div();
    final Map<String, Span> facts = new LinkedHashMap<>();
    final Paragraph failure = new Paragraph();
    final Grid<ImportSummary.MappedColumn> mapping = new Grid<>();
    final Grid<RowError> errors = new Grid<>();
    final Span errorCount = new Span();
    final Anchor download = new Anchor();
    private final VerticalLayout content = new VerticalLayout();
    private final Div notFound = new Div();

    ImportResultView(ImportQueries imports, ImportCancellation cancellation, ImportProgressFeed feed, ImportUndo undo,
                     ImportCorrections corrections) {
        this.cancellation = cancellation;
        this.correction = new CorrectionSection(corrections);
        this.undoPanel = new UndoPanel(undo, this::refresh);
        this.feed = feed;
        this.imports = imports;
        setWidthFull();
        buildContent();
        notFound.setId("import-not-found");
        live = LiveProgress.bind(this, this::subscribe, this::onProgress);
        addAttachListener(e -> {
            if (job != null && !job.status().isFinal()) {
                refresh();   // an event may have gone out between loading the page and subscribing
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String raw = event.getRouteParameters().get("id").orElse("0");
        jobId = new ImportJobId(Long.parseLong(raw));
        job = imports.find(jobId).orElse(null);
        if (job == null) {
            jobId = null;
            notFound.removeAll();
            notFound.add(new H2(getTranslation("result.not-found.title")),
                    new Paragraph(getTranslation("result.not-found.text", raw)),
                    new RouterLink(getTranslation("result.back"), ImportsView.class));
            add(notFound);
        } else {
            admin = imports.mayLaunch();
            show();
            add(content);
        }
        live.resubscribe();
    }

    @Override
    public String getPageTitle() {
        return job == null ? getTranslation("result.title.not-found") : getTranslation("result.title", job.id());
    }

    private ImportProgressBus.Subscription subscribe(Consumer<ImportProgress> listener) {
        if (jobId == null) {
            return () -> { };
        }
        return feed.subscribeJob(jobId, listener);
    }

    private void buildContent() {
        content.setPadding(false);
        title.addClassName("gci-result-title");
        cancel.setText(getTranslation("result.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setId("cancel-import");
        cancel.addClickListener(e -> confirmCancel());
        HorizontalLayout header = new HorizontalLayout(title, badge, cancel, undoPanel.button);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName("gci-wrap");

        Div factsBox = new Div();
        factsBox.addClassName("gci-facts");
        for (String label : FACTS) {
            Span name = new Span(getTranslation("result.fact." + label));
            name.addClassName("gci-fact-label");
            Span value = new Span();
            value.addClassName("gci-fact-value");
            value.setId("fact-" + label);
            facts.put(label, value);
            factsBox.add(name, value);
        }
        progress.addClassName("gci-result-progress");
        failure.addClassName("gci-problem");
        failure.setId("failure-message");

        mapping.addColumn(ImportSummary.MappedColumn::column).setHeader(getTranslation("result.mapping.column"))
                .setAutoWidth(true);
        mapping.addColumn(c -> c.field().map(f -> getTranslation("mapping.field." + f.name())).orElse(getTranslation("result.mapping.skipped")))
                .setHeader(getTranslation("result.mapping.field")).setFlexGrow(1);
        mapping.setAllRowsVisible(true);
        mapping.addThemeVariants(GridVariant.LUMO_COMPACT);
        mapping.setMaxWidth("36rem");

        RowErrorColumns.addTo(errors);

        errorCount.addClassName("gci-muted");
        download.setText(getTranslation("result.report"));
        download.setId("download-error-report");
        download.addClassName("gci-download");
        HorizontalLayout errorsHeader = new HorizontalLayout(new H3(getTranslation("result.errors.title")),
                errorCount, download);
        errorsHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        content.add(new RouterLink(getTranslation("result.all-imports"), ImportsView.class), header, factsBox,
                progress, failure, undoPanel, correction, new H3(getTranslation("result.mapping.title")), mapping,
                errorsHeader, errors);
    }

    /** Puts the import just loaded into the page. */
    private void show() {
        ImportJobId id = job.id();
        title.setText(getTranslation("result.heading", id, job.originalFileName()));
        mapping.setItems(job.mappedColumns());
        errors.setItems(q -> imports.errors(id, q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(imports.errorCount(id), Integer.MAX_VALUE));
        if (admin) {
            String fileName = imports.errorReportFileName(id);
            DownloadHandler report = event -> {
                event.setFileName(fileName);
                event.setContentType("text/csv; charset=UTF-8");
                imports.writeErrorReport(id, getLocale(), event.getOutputStream());
            };
            download.setHref(report, AttachmentType.DOWNLOAD);
        } else {
            download.removeHref();
        }
        render();
    }

    /**
     * The import reported progress: counters are taken from the newest event; the import is read again only when its
     * status changed (its times, total and end message come with that).
     */
    private void onProgress(List<ImportProgress> batch) {
        ImportProgress newest = batch.getLast();
        if (job == null || !newest.jobId().equals(jobId) || newest.status() != job.status()) {
            refresh();
        } else {
            apply(job.withProgress(newest));
        }
    }

    private void refresh() {
        if (jobId != null) {
            imports.find(jobId).ifPresent(this::apply);
        }
    }

    private void apply(ImportSummary fresh) {
        long failedBefore = job.failedRows();
        boolean finalBefore = job.status().isFinal();
        job = fresh;
        render();
        if (job.failedRows() != failedBefore || job.status().isFinal() != finalBefore) {
            errors.getDataProvider().refreshAll();
        }
    }

    private void render() {
        badge.removeAll();
        badge.add(ImportDisplay.badge(job));
        cancel.setVisible(admin && !job.status().isFinal() && !job.cancelRequested());
        fact("import", ImportDisplay.typeAndAction(job));
        fact("launched", ImportDisplay.dateTime(job.launchedAt()));
        fact("launched-by", job.launchedBy());
        fact("file", getTranslation("result.file", job.originalFileName(), ImportDisplay.number(job.fileSize())));
        String delimiter = getTranslation("wizard.delimiter." + job.format().delimiterName());
        fact("format", job.format().encoding().name() + ", " + delimiter.toLowerCase(getLocale()));
        fact("started", job.startedAt() == null ? getTranslation("result.not-yet")
                : ImportDisplay.dateTime(job.startedAt()));
        fact("finished", job.finishedAt() == null ? getTranslation("result.not-yet")
                : ImportDisplay.dateTime(job.finishedAt()));
        fact("duration", ImportDisplay.duration(job));
        fact("rows-in-the-file", ImportDisplay.total(job));
        fact("imported", ImportDisplay.number(job.importedRows()));
        fact("failed", ImportDisplay.number(job.failedRows()));
        fact("not-processed", job.notProcessedRows().map(ImportDisplay::number)
                .orElse(job.status().isFinal() ? "–" : getTranslation("result.in-progress")));
        fact("unchanged", ImportDisplay.number(job.unchangedRows()));
        undoPanel.render(job, admin);
        correction.render(job, admin);
        progress.removeAll();
        progress.add(ImportDisplay.progress(job), live.paceLine(job));
        progress.setVisible(!job.status().isFinal());
        String message = job.failureMessageIn(getLocale());
        if (job.cancelRequested() && !job.status().isFinal()) {
            message = getTranslation("result.cancelling");
        }
        failure.setText(message == null ? "" : message);
        failure.setVisible(message != null);
        long count = job.failedRows();
        errorCount.setText(count == 1 ? getTranslation("result.failed.one")
                : getTranslation("result.failed.many", ImportDisplay.number(count)));
        download.setVisible(admin && job.status().isFinal() && count > 0);
    }

    /** The key part of a fact's label: "Rows in the file" is {@code rows-in-the-file}. */
    private static String slug(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private void fact(String label, String value) {
        facts.get(label).setText(value);
    }

    /** For tests: the value shown for a fact such as "Imported". */
    String fact(String label) {
        return facts.get(slug(label)).getText();
    }

    private void confirmCancel() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("result.cancel.title"),
                getTranslation("result.cancel.text"), getTranslation("result.cancel"), e -> doCancel());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("result.cancel.keep"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void doCancel() {
        boolean cancelled = cancellation.cancel(jobId);
        Notification.show(getTranslation(cancelled ? "result.cancel.requested" : "result.cancel.ended"), 3000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(cancelled ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        refresh();
    }
}

package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.CheckReason;
import com.giftcardimport.importing.CheckStatus;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ImportCheckId;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportCorrections;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole-file check on step 4: its progress while it runs (polled from the database every half second, so it
 * shows the truth on whichever node the check runs), then its outcome: rows that will import, rows that will fail
 * grouped by reason (code, message, count, first row numbers), the would-be error report, and the failed rows to
 * correct.
 */
final class CheckPanel extends VerticalLayout {

    static final int POLL_MILLIS = 500;

    private final transient ImportChecks checks;
    private final transient ImportCorrections corrections;
    private final transient Consumer<List<List<String>>> onCorrected;
    final ProgressBar bar = new ProgressBar();
    final Paragraph outcome = new Paragraph();
    final Grid<CheckReason> reasons = new Grid<>();
    final Anchor report = new Anchor();
    final Button correct = new Button();
    final Div correction = new Div();
    private CheckSummary check;
    private CorrectionGrid grid;
    private Registration polling;
    private UI pollingUi;

    CheckPanel(ImportChecks checks, ImportCorrections corrections, Consumer<List<List<String>>> onCorrected) {
        this.checks = checks;
        this.corrections = corrections;
        this.onCorrected = onCorrected;
        setPadding(false);
        setId("check");
        outcome.setId("check-outcome");
        bar.setId("check-progress");
        reasons.setId("check-reasons");
        reasons.addColumn(CheckReason::code).setHeader(getTranslation("check.reason.code")).setAutoWidth(true)
                .setFlexGrow(0).setKey("code");
        reasons.addColumn(r -> r.message(getLocale())).setHeader(getTranslation("check.reason.message")).setFlexGrow(1)
                .setKey("message");
        reasons.addColumn(CheckReason::rows).setHeader(getTranslation("check.reason.rows")).setAutoWidth(true)
                .setFlexGrow(0).setKey("rows");
        reasons.addColumn(r -> r.firstRows().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + (r.rows() > r.firstRows().size() ? ", …" : ""))
                .setHeader(getTranslation("check.reason.first-rows")).setAutoWidth(true).setFlexGrow(0)
                .setKey("firstRows");
        reasons.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        reasons.setAllRowsVisible(true);
        report.setText(getTranslation("check.report"));
        report.setId("check-report");
        report.addClassName("gci-download");
        correct.setText(getTranslation("check.correct"));
        correct.setIcon(VaadinIcon.EDIT.create());
        correct.setId("correct-failed-rows");
        correct.addClickListener(e -> openCorrection());
        add(new H3(getTranslation("check.title")), bar, outcome, reasons, report, correct, correction);
        addDetachListener(e -> stopPolling());
    }

    /** Shows a check (just started or found again) and follows it until it ends. */
    void show(CheckSummary started) {
        correction.removeAll();
        grid = null;
        render(started);
        if (started.running()) {
            startPolling();
        }
    }

    CheckSummary check() {
        return check;
    }

    /** The rows corrected in the grid, to import with the file; empty when none. */
    List<List<String>> correctedRows() {
        return grid == null ? List.of() : grid.correctedRows();
    }

    /** The question before launch was answered "back": the corrected rows may be launched again. */
    void launchCancelled() {
        if (grid != null) {
            grid.update();
        }
    }

    /** Reads the check again (the poll; tests call it directly). */
    void refresh() {
        if (check != null) {
            checks.find(check.id()).ifPresent(this::render);
            if (!check.running()) {
                stopPolling();
            }
        }
    }

    private void render(CheckSummary shown) {
        check = shown;
        bar.setVisible(shown.running());
        bar.setValue(shown.progress());
        if (shown.running()) {
            outcome.setText(getTranslation("check.running", ImportDisplay.number(shown.checkedRows()),
                    ImportDisplay.number(shown.failedRows())));
        } else if (shown.status() == CheckStatus.FAILED) {
            outcome.setText(getTranslation("check.failed", shown.failureMessageIn(getLocale())));
        } else {
            outcome.setText(getTranslation("check.done", ImportDisplay.number(shown.checkedRows()),
                    ImportDisplay.number(shown.validRows()), ImportDisplay.number(shown.failedRows())));
        }
        outcome.setClassName("gci-problem", shown.mostRowsFail() || shown.status() == CheckStatus.FAILED);
        boolean failures = !shown.running() && shown.failedRows() > 0;
        reasons.setItems(shown.reasons());
        reasons.setVisible(failures);
        report.setVisible(failures);
        correct.setVisible(failures);
        if (failures) {
            ImportCheckId id = shown.id();
            String fileName = checks.errorReportFileName(id);
            DownloadHandler download = event -> {
                event.setFileName(fileName);
                event.setContentType("text/csv; charset=UTF-8");
                checks.writeErrorReport(id, getLocale(), event.getOutputStream());
            };
            report.setHref(download, AttachmentType.DOWNLOAD);
        }
    }

    private void openCorrection() {
        if (grid == null) {
            grid = new CorrectionGrid(corrections, corrections.targetOf(check.id()),
                    corrections.failedRows(check.id(), getLocale()), onCorrected);
            grid.importCorrected.setText(getTranslation("check.launch-with-corrections"));
            correction.add(grid);
        }
        correct.setVisible(false);
    }

    private void startPolling() {
        UI ui = UI.getCurrent();
        if (ui == null || polling != null) {
            return;
        }
        pollingUi = ui;
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(e -> refresh());
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            pollingUi.setPollInterval(-1);
            pollingUi = null;
        }
    }
}

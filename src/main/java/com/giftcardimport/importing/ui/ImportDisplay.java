package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportUndoSummary;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How imports look on every page: dates, durations, counters, the status badge and the progress bar. */
final class ImportDisplay {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ImportDisplay() {
    }

    private static final DateTimeFormatter SHORT_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /** For lists, whose header says UTC. */
    static String shortDateTime(Instant instant) {
        return instant == null ? "" : SHORT_UTC.format(instant);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** "0 s", "42 s", "3 min 05 s", "2 h 01 min". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return t("import.duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return t("import.duration.minutes", seconds / 60, String.format(Locale.ROOT, "%02d", seconds % 60));
        }
        return t("import.duration.hours", seconds / 3600, String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60));
    }

    /** Zero before the job started; running time so far while it runs. */
    static String duration(ImportSummary job) {
        return job.startedAt() == null ? "–" : duration(job.duration());
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '\u202f');
    }

    /** The rows of the file: the count once known, "~estimate" before. */
    static String total(ImportSummary job) {
        if (job.totalRows() != null) {
            return number(job.totalRows());
        }
        return job.estimatedRows() == null ? "?" : "~" + number(job.estimatedRows());
    }

    static String typeAndAction(ImportSummary job) {
        return t("imports.type." + job.type().name()) + " · " + t("imports.action." + job.action().name());
    }

    /** The type above the action, for narrow list columns. */
    static Div typeAndActionCell(ImportSummary job) {
        Div type = new Div(t("imports.type." + job.type().name()));
        type.addClassName("gci-muted");
        Div cell = new Div(type, new Div(t("imports.action." + job.action().name())));
        cell.addClassName("gci-two-lines");
        return cell;
    }

    /**
     * "imported / failed / total", the failed count marked when there are any; a status update's unchanged rows
     * follow the imported ones ("12 + 3 unchanged").
     */
    static Div rows(ImportSummary job) {
        Span imported = new Span(number(job.importedRows()));
        imported.addClassName("gci-rows-imported");
        Span failed = new Span(number(job.failedRows()));
        failed.addClassName("gci-rows-failed");
        failed.getElement().setAttribute("data-any", Boolean.toString(job.failedRows() > 0));
        Div cell = new Div(imported);
        if (job.unchangedRows() > 0) {
            Span unchanged = new Span(t("import.rows.unchanged", number(job.unchangedRows())));
            unchanged.addClassName("gci-rows-unchanged");
            cell.add(unchanged);
        }
        cell.add(new Span(" / "), failed, new Span(" / " + total(job)));
        cell.addClassName("gci-rows");
        return cell;
    }

    /** The status badge, and under it the undo when there is one ("Undone by …", "Undoing…", "Undo failed"). */
    static Div statusCell(ImportSummary job) {
        Div cell = new Div(badge(job));
        if (job.undo() != null) {
            Div undo = new Div(undoLine(job.undo()));
            undo.addClassName("gci-muted");
            undo.addClassName("gci-undo-line");
            cell.add(undo);
            cell.addClassName("gci-two-lines");
        }
        return cell;
    }

    /** "Undone by Alice: 900 deleted, 100 kept" and the like; the counts say what the undo did to which cards. */
    static String undoLine(ImportUndoSummary undo) {
        String undone = number(undo.undoneCards());
        String kept = number(undo.keptCards());
        return switch (undo.status()) {
            case RUNNING -> t("import.undo.running", number(undo.undoneCards() + undo.keptCards()),
                    number(undo.totalCards()), undo.requestedBy());
            case COMPLETED -> t("import.undo.completed", undo.requestedBy(), undone, kept);
            case FAILED -> t("import.undo.failed", undone, kept);
        };
    }

    /**
     * The badge of an import's outcome: its status, except that an import whose every row failed (read to its end,
     * nothing imported) reads "All rows failed" and looks failed, not amber like one with a few failed rows.
     */
    static Span badge(ImportSummary job) {
        if (allRowsFailed(job)) {
            Span badge = new Span(t("import.outcome.all-rows-failed"));
            badge.addClassName("gci-badge");
            badge.getElement().setAttribute("data-status", ImportStatus.FAILED.name());
            badge.getElement().setAttribute("data-outcome", "ALL_ROWS_FAILED");
            return badge;
        }
        return badge(job.status());
    }

    /** Whether the import was read to its end and every row failed. */
    static boolean allRowsFailed(ImportSummary job) {
        return job.status() == ImportStatus.COMPLETED_WITH_ERRORS && job.importedRows() == 0
                && job.unchangedRows() == 0 && job.failedRows() > 0;
    }

    /** A text of the user's language (the wizard's and lists' keys: "import.*"). */
    static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    static Span badge(ImportStatus status) {
        Span badge = new Span(t("imports.status." + status.name()));
        badge.addClassName("gci-badge");
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }

    /**
     * A progress bar with the processed share as text: full once the job completed; for a cancelled or failed job,
     * the share it handled before it stopped, in the error colour.
     */
    static Div progress(ImportSummary job) {
        ImportProgress progress = job.progress();
        ProgressBar bar = new ProgressBar(0, 1, progress.fraction());
        bar.setIndeterminate(job.status() == ImportStatus.RUNNING && progress.totalOrEstimate() == null);
        if (job.status() == ImportStatus.CANCELLED || job.status() == ImportStatus.FAILED || allRowsFailed(job)) {
            bar.addThemeName("error");
        }
        bar.addClassName("gci-progress-bar");
        Span text = new Span(percent(progress));
        text.addClassName("gci-muted");
        Div cell = new Div(bar, text);
        cell.addClassName("gci-progress");
        return cell;
    }

    static String percent(ImportProgress progress) {
        if (progress.status() == ImportStatus.QUEUED) {
            return t("import.progress.waiting");
        }
        return Math.round(progress.fraction() * 100) + " %";
    }
}

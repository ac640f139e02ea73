package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a whole-file check found (SPEC 11): how many rows it read, how many would be imported and how many would fail,
 * grouped by reason. While it runs the counters grow and {@code totalRows} is unknown.
 *
 * @param validRows  rows the import would take, as things stand now (the import validates again at launch)
 * @param failedRows rows that would fail; each of them is in the would-be error report
 * @param failureText why the check failed as a key and arguments (null: it did not fail, or failed before the keys
 *                    and {@code failureMessage} has the English only)
 */
public record CheckSummary(ImportCheckId id, ImportAction action, String fileName, FileFormat format,
                           boolean dryRun, CheckStatus status, Long estimatedRows, Long totalRows, long checkedRows,
                           long validRows, long failedRows, String failureMessage, Text failureText,
                           List<CheckReason> reasons, Instant createdAt, Instant finishedAt) {

    /** How many first row numbers a reason lists. */
    public static final int FIRST_ROWS = 5;
    /**
     * Launch asks first when at least this share of the rows would fail (and always when every row would):
     * see {@code docs/rules.md}.
     */
    public static final double MOST_ROWS = 0.5;

    public CheckSummary {
        reasons = List.copyOf(reasons);
    }

    /** Why it failed, in {@code locale}: from its key where it was stored with one, else in its stored English. */
    public String failureMessageIn(Locale locale) {
        return failureText == null ? failureMessage : failureText.in(locale);
    }

    public boolean running() {
        return status == CheckStatus.RUNNING;
    }

    /** Whether every row checked so far would fail. */
    public boolean everyRowFails() {
        return checkedRows > 0 && validRows == 0;
    }

    /** Whether at least {@link #MOST_ROWS} of the rows checked so far would fail. */
    public boolean mostRowsFail() {
        return checkedRows > 0 && failedRows >= MOST_ROWS * checkedRows;
    }

    /** The share of the file read so far, 0 to 1, from the estimate while the total is unknown. */
    public double progress() {
        if (status != CheckStatus.RUNNING) {
            return 1;
        }
        Long all = totalRows != null ? totalRows : estimatedRows;
        return all == null || all <= 0 ? 0 : Math.min(1, checkedRows / (double) all);
    }
}

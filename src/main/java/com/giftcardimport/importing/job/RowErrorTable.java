package com.giftcardimport.importing.job;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.project.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of failed rows, one line per error: an import's ({@code import_error}, by job) or a whole-file check's
 * ({@code import_check_error}, by check). Both have the same columns, and are read the same way here: a page of
 * errors, their count, and the rows of the error report. The caller scopes the transaction to the project.
 */
enum RowErrorTable {

    IMPORT("import_error", "job_id"),
    CHECK("import_check_error", "check_id");

    private final String errors;
    private final String count;
    private final String report;

    RowErrorTable(String table, String owner) {
        String where = " from " + table + " where project_id = ? and " + owner + " = ? ";
        this.errors = "select row_number, column_name, value, code, message, message_key, message_args" + where
                + "order by row_number, seq limit ? offset ?";
        this.count = "select count(*)" + where;
        this.report = "select row_number, original_row, message, message_key, message_args" + where
                + "order by row_number, seq";
    }

    /** The errors of import or check {@code owner}, by row and order within the row. */
    List<RowError> errors(JdbcClient jdbc, ProjectId project, long owner, int offset, int limit) {
        return jdbc.sql(errors)
                .params(project.value(), owner, Math.max(0, limit), Math.max(0, offset))
                .query((rs, n) -> new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), ImportJobRepository.text(rs.getString(6), rs.getArray(7))))
                .list();
    }

    long count(JdbcClient jdbc, ProjectId project, long owner) {
        return jdbc.sql(count).params(project.value(), owner).query(Long.class).single();
    }

    /**
     * Streams the failed rows of {@code owner}, one per row, in row order, without holding them all; their messages
     * said in {@code locale} (those stored before the texts were keyed, in the English they were stored with).
     */
    void forEachReportRow(JdbcTemplate streaming, ProjectId project, long owner, Locale locale,
                          Consumer<ImportJobRepository.ReportRow> rows) {
        ImportJobRepository.ReportRow[] current = {null};
        streaming.query(report, rs -> {
            current[0] = nextReportRow(current[0], rs, locale, rows);
        }, project.value(), owner);
        if (current[0] != null) {
            rows.accept(current[0]);
        }
    }

    /**
     * Adds the error on {@code rs} (row number, original row, message, message key, message arguments) to the row
     * being gathered, its message said in {@code locale} (one stored before the texts were keyed, in its English),
     * handing that row to {@code rows} first when the error is of the next row; answers the row being gathered.
     */
    private static ImportJobRepository.ReportRow nextReportRow(ImportJobRepository.ReportRow current, ResultSet rs,
                                                               Locale locale,
                                                               Consumer<ImportJobRepository.ReportRow> rows)
            throws SQLException {
        long row = rs.getLong(1);
        List<String> cells = ImportJobRepository.textArray(rs.getArray(2));
        ImportJobRepository.ReportRow gathering = current;
        if (gathering != null && gathering.rowNumber() != row) {
            rows.accept(gathering);
            gathering = null;
        }
        if (gathering == null) {
            gathering = new ImportJobRepository.ReportRow(row, cells != null ? cells : List.of(), new ArrayList<>());
        } else if (gathering.cells().isEmpty() && cells != null) {
            gathering = new ImportJobRepository.ReportRow(row, cells, gathering.messages());
        }
        Text text = ImportJobRepository.text(rs.getString(4), rs.getArray(5));
        gathering.messages().add(text == null ? rs.getString(3) : text.in(locale));
        return gathering;
    }
}

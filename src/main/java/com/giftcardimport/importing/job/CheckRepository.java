package com.giftcardimport.importing.job;

import com.giftcardimport.importing.CheckReason;
import com.giftcardimport.importing.CheckStatus;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportCheckId;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The whole-file checks ({@code import_check}) and their failed rows ({@code import_check_error}). Callers are in a
 * transaction scoped to the project (the services through {@code CurrentTenant}); the check's own writes while it
 * runs go through {@link CheckLoader}.
 */
@Repository
public class CheckRepository {

    /** What a check was started for, and what a runner needs to run it. */
    public record CheckRun(ImportCheckId id, ProjectId projectId, String storedFileId, ImportAction action,
                           FileFormat format, List<String> header, ColumnMapping mapping) {

        public CheckRun {
            header = List.copyOf(header);
        }
    }

    /** A check to create. */
    public record NewCheck(ProjectId projectId, String storedFileId, String fingerprint, ImportAction action,
                           String fileName, FileFormat format, List<String> header, ColumnMapping mapping,
                           boolean dryRun, UserId startedBy, Long estimatedRows) {
    }

    private static final String COLUMNS = """
            id, project_id, stored_file_id, import_action, original_file_name, encoding, delimiter, sheet, header,
            mapping, dry_run, status, estimated_rows, total_rows, checked_rows, valid_rows, failed_rows, failure_message,
            failure_message_key, failure_message_args, created_at, updated_at, finished_at
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    CheckRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
    }

    /** Creates the check, RUNNING; empty when one exists already for the same file and fingerprint. */
    public Optional<ImportCheckId> insert(NewCheck check) {
        return jdbc.sql("""
                        insert into import_check (project_id, stored_file_id, fingerprint, import_action,
                                                  original_file_name, encoding, delimiter, sheet, header, mapping,
                                                  dry_run, started_by_user_id, estimated_rows)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                        on conflict do nothing
                        returning id
                        """)
                .params(check.projectId().value(), check.storedFileId(), check.fingerprint(), check.action().name(),
                        check.fileName(), check.format().encoding().name(), String.valueOf(check.format().delimiter()),
                        check.format().sheet(), check.header().toArray(String[]::new), MappingJson.write(check.mapping()), check.dryRun(),
                        check.startedBy().value(), check.estimatedRows())
                .query((rs, n) -> new ImportCheckId(rs.getLong(1))).optional();
    }

    /** The check of this file and fingerprint, with when it last moved on. */
    public Optional<Found> findByKey(ProjectId project, String storedFileId, String fingerprint) {
        return jdbc.sql("select id, status, updated_at from import_check"
                        + " where project_id = ? and stored_file_id = ? and fingerprint = ?")
                .params(project.value(), storedFileId, fingerprint)
                .query((rs, n) -> new Found(new ImportCheckId(rs.getLong(1)), CheckStatus.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** A check found by its key: a RUNNING one that has not moved on for long lost its node. */
    public record Found(ImportCheckId id, CheckStatus status, Instant updatedAt) {
    }

    public Optional<CheckRun> run(ProjectId project, ImportCheckId id) {
        return jdbc.sql("select " + COLUMNS + " from import_check where project_id = ? and id = ?")
                .params(project.value(), id.value())
                .query((rs, n) -> new CheckRun(new ImportCheckId(rs.getLong("id")), project,
                        rs.getString("stored_file_id"), ImportAction.valueOf(rs.getString("import_action")),
                        ImportJobRepository.format(rs), ImportJobRepository.textArray(rs.getArray("header")),
                        MappingJson.read(rs.getString("mapping"))))
                .optional();
    }

    /** The check with its reasons; empty when the project has no such check. */
    public Optional<CheckSummary> summary(ProjectId project, ImportCheckId id) {
        return jdbc.sql("select " + COLUMNS + " from import_check where project_id = ? and id = ?")
                .params(project.value(), id.value())
                .query((rs, n) -> summary(rs, List.of()))
                .optional()
                .map(s -> s.running() ? s : withReasons(s, reasons(project, id)));
    }

    private static CheckSummary withReasons(CheckSummary s, List<CheckReason> reasons) {
        return new CheckSummary(s.id(), s.action(), s.fileName(), s.format(), s.dryRun(), s.status(),
                s.estimatedRows(), s.totalRows(), s.checkedRows(), s.validRows(), s.failedRows(), s.failureMessage(),
                s.failureText(), reasons, s.createdAt(), s.finishedAt());
    }

    /** The reasons rows fail, most rows first: code, the first row's message, rows, the first row numbers. */
    List<CheckReason> reasons(ProjectId project, ImportCheckId id) {
        return jdbc.sql("""
                        select g.code, g.rows, g.first_rows, f.message, f.message_key, f.message_args
                          from (select code, count(distinct row_number) as rows, min(row_number) as first_row,
                                       (array_agg(distinct row_number order by row_number))[1:?] as first_rows
                                  from import_check_error
                                 where project_id = ? and check_id = ?
                                 group by code) g
                          cross join lateral (
                                select message, message_key, message_args from import_check_error e
                                 where e.project_id = ? and e.check_id = ? and e.code = g.code
                                 order by e.row_number, e.seq limit 1) f
                         order by g.rows desc, g.first_row
                        """)
                .params(CheckSummary.FIRST_ROWS, project.value(), id.value(), project.value(), id.value())
                .query((rs, n) -> new CheckReason(rs.getString("code"), rs.getString("message"),
                        ImportJobRepository.text(rs.getString("message_key"), rs.getArray("message_args")),
                        rs.getLong("rows"), Arrays.asList((Long[]) rs.getArray("first_rows").getArray())))
                .list();
    }

    public List<RowError> errors(ProjectId project, ImportCheckId id, int offset, int limit) {
        return RowErrorTable.CHECK.errors(jdbc, project, id.value(), offset, limit);
    }

    public long errorCount(ProjectId project, ImportCheckId id) {
        return RowErrorTable.CHECK.count(jdbc, project, id.value());
    }

    /**
     * Streams the failed rows of a check, one per row, in row order (inside the caller's transaction), their messages
     * said in {@code locale}.
     */
    public void forEachReportRow(ProjectId project, ImportCheckId id, Locale locale,
                                 Consumer<ImportJobRepository.ReportRow> rows) {
        RowErrorTable.CHECK.forEachReportRow(streaming, project, id.value(), locale, rows);
    }

    /** Deletes the wizard's checks of an upload (it is discarded); a dry run's stay readable until the sweep. */
    public int deleteWizardChecksOf(ProjectId project, String storedFileId) {
        return jdbc.sql("delete from import_check where project_id = ? and stored_file_id = ? and not dry_run")
                .params(project.value(), storedFileId).update();
    }

    /** Deletes one check (a stale one, to start it again). */
    public void delete(ProjectId project, ImportCheckId id) {
        jdbc.sql("delete from import_check where project_id = ? and id = ?").params(project.value(), id.value())
                .update();
    }

    /** Deletes the checks of every project created before {@code before}; how many. */
    public int deleteCreatedBefore(Instant before) {
        return jdbc.sql("select gci_delete_checks_before(?)").param(Timestamp.from(before)).query(Integer.class)
                .single();
    }

    private static CheckSummary summary(ResultSet rs, List<CheckReason> reasons) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CheckSummary(new ImportCheckId(rs.getLong("id")), ImportAction.valueOf(rs.getString("import_action")),
                rs.getString("original_file_name"), ImportJobRepository.format(rs), rs.getBoolean("dry_run"),
                CheckStatus.valueOf(rs.getString("status")), (Long) rs.getObject("estimated_rows"),
                (Long) rs.getObject("total_rows"), rs.getLong("checked_rows"), rs.getLong("valid_rows"),
                rs.getLong("failed_rows"), rs.getString("failure_message"),
                ImportJobRepository.text(rs.getString("failure_message_key"), rs.getArray("failure_message_args")),
                new ArrayList<>(reasons),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}

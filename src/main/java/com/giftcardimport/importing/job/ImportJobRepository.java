package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import com.giftcardimport.security.UserId;
import java.nio.charset.Charset;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
 * Import jobs and their row errors. No access checks of its own: every read that a person can trigger takes the
 * project (or projects) the caller's service checked and scoped its transaction to, and a job of another project is
 * simply not found. The runner's calls, which have no logged-in user, scope their own transactions to the job's
 * project ({@link TenantScope#inProject}).
 */
@Repository
public class ImportJobRepository {

    /** A job that already holds an idempotency key or a stored file. */
    public record Existing(ImportJobId id, String fingerprint, String storedFileId) {
    }

    /** A queued or running job, and whether the job engine holds an execution for it. */
    record Active(DispatchPolicy.Candidate candidate, boolean hasExecution) {
    }

    /** A stored file whose job ended longer ago than the retention. */
    public record FileToDelete(ImportJobId id, ProjectId projectId, String storedFileId) {
    }

    /** One failed row for the error report: its cells (CVV masked) and its messages, in order. */
    public record ReportRow(long rowNumber, List<String> cells, List<String> messages) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TenantScope scope;

    ImportJobRepository(JdbcClient jdbc, DataSource dataSource, TenantScope scope) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.scope = scope;
    }

    // ---- launch ----

    /** Creates the job, QUEUED; empty when the idempotency key or the stored file already has a job. */
    public Optional<ImportJobId> insert(NewImportJob job) {
        return jdbc.sql("""
                        insert into import_job (project_id, import_type, import_action, original_file_name,
                                                stored_file_id, file_size, encoding, delimiter, sheet, header,
                                                mapping, estimated_rows, launched_by_user_id, launched_by_label,
                                                idempotency_key, request_fingerprint)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                        on conflict do nothing
                        returning id
                        """)
                .params(job.projectId().value(), job.action().type().name(), job.action().name(),
                        job.originalFileName(), job.storedFileId(), job.fileSize(), job.format().encoding().name(),
                        String.valueOf(job.format().delimiter()), job.format().sheet(), job.header().toArray(String[]::new),
                        MappingJson.write(job.mapping()), job.estimatedRows(), job.launchedBy().value(),
                        job.launchedByLabel(), job.idempotencyKey(), job.fingerprint())
                .query((rs, n) -> new ImportJobId(rs.getLong(1))).optional();
    }

    public Optional<Existing> findByIdempotencyKey(ProjectId project, String key) {
        return jdbc.sql("""
                        select id, request_fingerprint, stored_file_id from import_job
                         where project_id = ? and idempotency_key = ?
                        """)
                .params(project.value(), key).query(ImportJobRepository::existing).optional();
    }

    public Optional<Existing> findByStoredFile(ProjectId project, String storedFileId) {
        return jdbc.sql("""
                        select id, request_fingerprint, stored_file_id from import_job
                         where project_id = ? and stored_file_id = ?
                        """)
                .params(project.value(), storedFileId).query(ImportJobRepository::existing).optional();
    }

    /**
     * Streams the failed rows of a job, one per row, in row order, without holding them all; their messages said in
     * {@code locale} (those stored before the texts were keyed, in the English they were stored with).
     */
    public void forEachReportRow(ProjectId project, ImportJobId job, Locale locale, Consumer<ReportRow> consumer) {
        scope.readInProject(project, () -> {
            RowErrorTable.IMPORT.forEachReportRow(streaming, project, job.value(), locale, consumer);
            return null;
        });
    }

    // ---- the runner: no logged-in user, so each call scopes its own transaction to the job's project ----

    public Optional<ImportJob> load(ProjectId project, ImportJobId id) {
        return scope.readInProject(project, () -> jdbc.sql("select * from import_job where project_id = ? and id = ?")
                .params(project.value(), id.value()).query(ImportJobRepository::job).optional());
    }

    /**
     * Every queued and running job across projects, oldest launch first, for the dispatcher (through the database
     * function {@code gci_import_dispatch_candidates}, which alone may list jobs of every project).
     */
    List<Active> active() {
        return jdbc.sql("""
                        select job_id, project_id, status, project_last_started, has_execution
                          from gci_import_dispatch_candidates()
                        """)
                .query((rs, n) -> new Active(new DispatchPolicy.Candidate(new ImportJobId(rs.getLong(1)),
                        new ProjectId(rs.getLong(2)), "RUNNING".equals(rs.getString(3)),
                        instant(rs.getTimestamp(4))), rs.getBoolean(5)))
                .list();
    }

    /** QUEUED → RUNNING; false when the job is no longer queued (cancelled meanwhile). */
    public boolean markRunning(ProjectId project, ImportJobId id) {
        return update(project, """
                update import_job set status = 'RUNNING', started_at = coalesce(started_at, now())
                 where project_id = ? and id = ? and status = 'QUEUED'
                """, project.value(), id.value()) == 1;
    }

    /**
     * RUNNING → an end status, with the number of rows in the file when known, while this node's claim on the job
     * holds ({@link JobFence}).
     */
    boolean finish(JobFence fence, ProjectId project, ImportJobId id, ImportStatus status, Long totalRows,
                   Text failure) {
        return update(project, """
                update import_job
                   set status = ?, total_rows = ?, failure_message = ?, failure_message_key = ?,
                       failure_message_args = ?::text[], finished_at = now()
                 where project_id = ? and id = ? and status = 'RUNNING' and claim = ?
                """, status.name(), totalRows, english(failure), key(failure), arguments(failure), project.value(),
                id.value(), fence.token()) == 1;
    }

    /**
     * This node's pick of the job engine takes a RUNNING job over ({@link JobFence}); waits for a chunk another node
     * is committing. False when the job is not running (any more).
     */
    boolean claim(JobFence fence, ProjectId project, ImportJobId id) {
        return update(project, """
                update import_job set claim = ? where project_id = ? and id = ? and status = 'RUNNING'
                """, fence.token(), project.value(), id.value()) == 1;
    }

    /** Asks a running job to stop at its next chunk; false when the job is not running. */
    public boolean requestCancel(ProjectId project, ImportJobId id) {
        return jdbc.sql("""
                        update import_job set cancel_requested = true
                         where project_id = ? and id = ? and status in ('QUEUED', 'RUNNING')
                        """)
                .params(project.value(), id.value()).update() == 1;
    }

    /** QUEUED → CANCELLED at once; false when the job is not queued (any more). */
    public boolean cancelQueued(ProjectId project, ImportJobId id) {
        return jdbc.sql("""
                        update import_job set status = 'CANCELLED', cancel_requested = true, finished_at = now()
                         where project_id = ? and id = ? and status = 'QUEUED'
                        """)
                .params(project.value(), id.value()).update() == 1;
    }

    /** Sets the number of rows of an ended job once counted (a job cancelled before it ran). */
    public void setTotalRows(ProjectId project, ImportJobId id, long totalRows) {
        update(project, "update import_job set total_rows = ? where project_id = ? and id = ? and total_rows is null",
                totalRows, project.value(), id.value());
    }

    /** Ends a job whose file is gone: FAILED (or CANCELLED when a cancel was asked for), total unknown. */
    public boolean failWithoutFile(ProjectId project, ImportJobId id, Text message) {
        return update(project, """
                update import_job
                   set status = case when cancel_requested then 'CANCELLED' else 'FAILED' end,
                       failure_message = case when cancel_requested then null else ? end,
                       failure_message_key = case when cancel_requested then null else ? end,
                       failure_message_args = case when cancel_requested then null else ?::text[] end,
                       finished_at = now()
                 where project_id = ? and id = ? and status in ('QUEUED', 'RUNNING')
                """, english(message), key(message), arguments(message), project.value(), id.value()) == 1;
    }

    /** A failure message's English, kept for logs and for readers of rows stored before the keys; null for none. */
    static String english(Text message) {
        return message == null ? null : message.english();
    }

    /** A failure message's key in the texts bundle; null for none. */
    static String key(Text message) {
        return message == null ? null : message.key();
    }

    /** A failure message's arguments as a {@code text[]} parameter; null for none. */
    static String[] arguments(Text message) {
        return message == null ? null : message.arguments().toArray(String[]::new);
    }

    private int update(ProjectId project, String sql, Object... params) {
        return scope.inProject(project, () -> jdbc.sql(sql).params(params).update());
    }

    // ---- files ----

    /**
     * Stored files of jobs that ended before {@code endedBefore} and are not deleted yet, across projects (through
     * the database function {@code gci_import_files_past_retention}).
     */
    public List<FileToDelete> filesToDelete(Instant endedBefore) {
        return jdbc.sql("select job_id, project_id, stored_file_id from gci_import_files_past_retention(?)")
                .param(Timestamp.from(endedBefore))
                .query((rs, n) -> new FileToDelete(new ImportJobId(rs.getLong(1)), new ProjectId(rs.getLong(2)),
                        rs.getString(3)))
                .list();
    }

    public void markFileDeleted(ProjectId project, ImportJobId id) {
        update(project, "update import_job set file_deleted_at = now() where project_id = ? and id = ?",
                project.value(), id.value());
    }

    /** Whether a job of the project names the stored file and its retention has not deleted it. */
    public boolean isFileReferenced(ProjectId project, String storedFileId) {
        return jdbc.sql("""
                        select exists (select 1 from import_job
                                        where project_id = ? and stored_file_id = ? and file_deleted_at is null)
                        """)
                .params(project.value(), storedFileId).query(Boolean.class).single();
    }

    /** The mapping of the project's newest job whose file had exactly {@code header}. */
    public Optional<ColumnMapping> lastMapping(ProjectId project, List<String> header) {
        return jdbc.sql("""
                        select mapping::text from import_job
                         where project_id = ? and header = cast(? as text[])
                         order by launched_at desc, id desc limit 1
                        """)
                .params(project.value(), header.toArray(String[]::new))
                .query(String.class).optional().map(MappingJson::read);
    }

    // ---- mapping rows ----

    private static Existing existing(ResultSet rs, int n) throws SQLException {
        return new Existing(new ImportJobId(rs.getLong(1)), rs.getString(2), rs.getString(3));
    }

    private static ImportJob job(ResultSet rs, int n) throws SQLException {
        return new ImportJob(new ImportJobId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
                ImportAction.valueOf(rs.getString("import_action")), new UserId(rs.getLong("launched_by_user_id")),
                rs.getString("stored_file_id"), format(rs), textArray(rs.getArray("header")),
                MappingJson.read(rs.getString("mapping")), (Long) rs.getObject("estimated_rows"),
                ImportStatus.valueOf(rs.getString("status")), (Long) rs.getObject("total_rows"),
                rs.getLong("imported_rows"), rs.getLong("unchanged_rows"), rs.getLong("failed_rows"),
                rs.getLong("last_row_number"), rs.getBoolean("cancel_requested"));
    }

    static FileFormat format(ResultSet rs) throws SQLException {
        return new FileFormat(Charset.forName(rs.getString("encoding")), rs.getString("delimiter").charAt(0),
                rs.getString("sheet"));
    }

    static List<String> textArray(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return Arrays.asList((String[]) array.getArray());
    }

    /** A stored message's key and arguments, or {@code null} for a message stored in English only. */
    static Text text(String key, Array arguments) throws SQLException {
        if (key == null) {
            return null;
        }
        List<String> args = textArray(arguments);
        return new Text(key, args == null ? List.of() : args);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

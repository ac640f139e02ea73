package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportType;
import com.giftcardimport.importing.ImportUndoSummary;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What people read about imports: summaries, lists with their filters, row errors, the launchers of a list. Always
 * within the given projects; access checks are the callers'. Summaries come without the project's name, which is
 * {@code project}'s to tell. The job's own lifecycle is {@link ImportJobRepository}'s.
 */
@Repository
public class ImportSummaryRepository {

    private static final String VIEW_SELECT = """
            select j.*, u.status as undo_status, u.requested_by_label as undo_by, u.requested_at as undo_at,
                   u.finished_at as undo_finished_at, u.total_cards as undo_total, u.undone_cards as undo_undone,
                   u.kept_cards as undo_kept, u.failure_message as undo_failure,
                   u.failure_message_key as undo_failure_key, u.failure_message_args as undo_failure_args
              from import_job j
              left join import_undo u on u.job_id = j.id and u.project_id = j.project_id""";

    private final JdbcClient jdbc;

    ImportSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ImportSummary> find(ProjectId project, ImportJobId id) {
        return jdbc.sql(VIEW_SELECT + " where j.project_id = ? and j.id = ?")
                .params(project.value(), id.value()).query(ImportSummaryRepository::summary).optional();
    }

    /** Jobs of the given projects matching {@code filter}, newest first. */
    public List<ImportSummary> list(Collection<ProjectId> projects, ImportFilter filter, int offset, int limit) {
        if (projects.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where(projects, filter, params);
        params.add(Math.max(0, limit));
        params.add(Math.max(0, offset));
        return jdbc.sql(VIEW_SELECT + where + " order by j.launched_at desc, j.id desc limit ? offset ?")
                .params(params).query(ImportSummaryRepository::summary).list();
    }

    public long count(Collection<ProjectId> projects, ImportFilter filter) {
        if (projects.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>();
        String where = where(projects, filter, params);
        return jdbc.sql("select count(*) from import_job j" + where).params(params).query(Long.class).single();
    }

    private static String where(Collection<ProjectId> projects, ImportFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where j.project_id = any (?)");
        params.add(projects.stream().map(ProjectId::value).toArray(Long[]::new));
        if (filter.status() != null) {
            where.append(" and j.status = ?");
            params.add(filter.status().name());
        }
        if (filter.launchedBy() != null) {
            where.append(" and j.launched_by_user_id = ?");
            params.add(filter.launchedBy().value());
        }
        if (filter.from() != null) {
            where.append(" and j.launched_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and j.launched_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        return where.toString();
    }

    /** The row errors of a job, by row and order within the row. */
    public List<RowError> errors(ProjectId project, ImportJobId job, int offset, int limit) {
        return RowErrorTable.IMPORT.errors(jdbc, project, job.value(), offset, limit);
    }

    /** The delimiter most of the project's imports had, if it has any. */
    public Optional<Character> usualDelimiter(ProjectId project) {
        return jdbc.sql("""
                        select delimiter from import_job where project_id = ?
                         group by delimiter order by count(*) desc, max(launched_at) desc limit 1
                        """)
                .param(project.value()).query(String.class).optional().map(d -> d.charAt(0));
    }

    public long errorCount(ProjectId project, ImportJobId job) {
        return RowErrorTable.IMPORT.count(jdbc, project, job.value());
    }

    /** The people who launched at least one import of these projects. */
    public List<UserId> launchers(Collection<ProjectId> projects) {
        if (projects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct launched_by_user_id from import_job where project_id = any (?)")
                .param(projects.stream().map(ProjectId::value).toArray(Long[]::new))
                .query((rs, n) -> new UserId(rs.getLong(1))).list();
    }

    private static ImportSummary summary(ResultSet rs, int n) throws SQLException {
        return new ImportSummary(new ImportJobId(rs.getLong("id")), new ProjectId(rs.getLong("project_id")),
                null, ImportType.valueOf(rs.getString("import_type")),
                ImportAction.valueOf(rs.getString("import_action")), rs.getString("original_file_name"),
                rs.getLong("file_size"), ImportJobRepository.format(rs), ImportJobRepository.textArray(rs.getArray("header")),
                MappingJson.read(rs.getString("mapping")), new UserId(rs.getLong("launched_by_user_id")),
                rs.getString("launched_by_label"), ImportStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("total_rows"), (Long) rs.getObject("estimated_rows"),
                rs.getLong("imported_rows"), rs.getLong("failed_rows"), rs.getLong("last_row_number"),
                ImportJobRepository.instant(rs.getTimestamp("launched_at")), ImportJobRepository.instant(rs.getTimestamp("started_at")),
                ImportJobRepository.instant(rs.getTimestamp("finished_at")), rs.getString("failure_message"),
                ImportJobRepository.text(rs.getString("failure_message_key"), rs.getArray("failure_message_args")),
                rs.getBoolean("cancel_requested"), rs.getLong("unchanged_rows"), undo(rs));
    }

    private static ImportUndoSummary undo(ResultSet rs) throws SQLException {
        String status = rs.getString("undo_status");
        if (status == null) {
            return null;
        }
        return new ImportUndoSummary(ImportUndoSummary.Status.valueOf(status), rs.getString("undo_by"),
                ImportJobRepository.instant(rs.getTimestamp("undo_at")),
                ImportJobRepository.instant(rs.getTimestamp("undo_finished_at")), rs.getLong("undo_total"),
                rs.getLong("undo_undone"), rs.getLong("undo_kept"), rs.getString("undo_failure"),
                ImportJobRepository.text(rs.getString("undo_failure_key"), rs.getArray("undo_failure_args")));
    }
}

package com.giftcardimport.importing.draft;

import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.job.MappingJson;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code import_draft} table: one row per person and project. Callers scope the transaction to the project. */
@Repository
class DraftRepository {

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The draft changed after {@code notBefore}, if any. */
    Optional<WizardDraft> find(ProjectId project, UserId user, Instant notBefore) {
        return jdbc.sql("""
                        select * from import_draft where project_id = ? and user_id = ? and updated_at >= ?
                        """)
                .params(project.value(), user.value(), Timestamp.from(notBefore))
                .query((rs, n) -> draft(rs, project)).optional();
    }

    void save(ProjectId project, UserId user, WizardDraft draft, Instant now) {
        StoredFile file = draft.file();
        jdbc.sql("""
                        insert into import_draft (project_id, user_id, import_action, step, stored_file_id,
                                                  original_file_name, file_size, file_sha256, stored_at, encoding,
                                                  delimiter, sheet, mapping, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                        on conflict (project_id, user_id) do update set
                            import_action = excluded.import_action, step = excluded.step,
                            stored_file_id = excluded.stored_file_id, original_file_name = excluded.original_file_name,
                            file_size = excluded.file_size, file_sha256 = excluded.file_sha256,
                            stored_at = excluded.stored_at, encoding = excluded.encoding,
                            delimiter = excluded.delimiter, sheet = excluded.sheet, mapping = excluded.mapping,
                            updated_at = excluded.updated_at
                        """)
                .params(project.value(), user.value(), draft.action().name(), draft.step(),
                        file == null ? null : file.id(), file == null ? null : file.originalName(),
                        file == null ? null : file.size(), file == null ? null : file.sha256(),
                        file == null ? null : Timestamp.from(file.storedAt()),
                        draft.encoding() == null ? null : draft.encoding().name(),
                        draft.delimiter() == null ? null : String.valueOf(draft.delimiter()), draft.sheet(),
                        draft.mapping() == null ? null : MappingJson.write(draft.mapping()), Timestamp.from(now))
                .update();
    }

    /** Deletes the person's draft; answers the file it named, if any. */
    Optional<String> delete(ProjectId project, UserId user) {
        return jdbc.sql("delete from import_draft where project_id = ? and user_id = ? returning stored_file_id")
                .params(project.value(), user.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(f -> f);
    }

    /** Deletes the project's drafts untouched since before {@code cutoff}. */
    int deleteExpired(ProjectId project, Instant cutoff) {
        return jdbc.sql("delete from import_draft where project_id = ? and updated_at < ?")
                .params(project.value(), Timestamp.from(cutoff)).update();
    }

    /** Whether a draft changed after {@code notBefore} names the file. */
    boolean refersTo(ProjectId project, String fileId, Instant notBefore) {
        return jdbc.sql("""
                        select exists (select 1 from import_draft
                                        where project_id = ? and stored_file_id = ? and updated_at >= ?)
                        """)
                .params(project.value(), fileId, Timestamp.from(notBefore)).query(Boolean.class).single();
    }

    private static WizardDraft draft(ResultSet rs, ProjectId project) throws SQLException {
        String fileId = rs.getString("stored_file_id");
        StoredFile file = fileId == null ? null : new StoredFile(fileId, project, rs.getString("original_file_name"),
                rs.getLong("file_size"), rs.getString("file_sha256"), rs.getTimestamp("stored_at").toInstant());
        String encoding = rs.getString("encoding");
        String delimiter = rs.getString("delimiter");
        String mapping = rs.getString("mapping");
        return new WizardDraft(ImportAction.valueOf(rs.getString("import_action")), rs.getInt("step"), file,
                encoding == null ? null : Charset.forName(encoding), delimiter == null ? null : delimiter.charAt(0),
                rs.getString("sheet"), mapping == null ? null : MappingJson.read(mapping));
    }
}

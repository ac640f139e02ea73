package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.project.ProjectId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link between an import and the follow-up imports of its corrected rows ({@code import_job.corrects_job_id}).
 * Callers are in a transaction scoped to the project.
 */
@Repository
public class CorrectionRepository {

    private final JdbcClient jdbc;

    CorrectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code followUp} imports corrected rows of {@code original}; the original's row is not touched. */
    public void link(ProjectId project, ImportJobId followUp, ImportJobId original) {
        jdbc.sql("update import_job set corrects_job_id = ? where project_id = ? and id = ? and corrects_job_id is null")
                .params(original.value(), project.value(), followUp.value()).update();
    }

    /** The import whose rows {@code job} corrects, if it is a follow-up. */
    public Optional<ImportJobId> corrects(ProjectId project, ImportJobId job) {
        return jdbc.sql("select corrects_job_id from import_job where project_id = ? and id = ?"
                        + " and corrects_job_id is not null")
                .params(project.value(), job.value()).query((rs, n) -> new ImportJobId(rs.getLong(1))).optional();
    }

    /** The follow-up imports of {@code job}'s corrected rows, oldest first. */
    public List<ImportJobId> correctedBy(ProjectId project, ImportJobId job) {
        return jdbc.sql("select id from import_job where project_id = ? and corrects_job_id = ? order by id")
                .params(project.value(), job.value()).query((rs, n) -> new ImportJobId(rs.getLong(1))).list();
    }

    /** For a page of the list: which of {@code jobs} are follow-ups, and of which import. */
    public Map<ImportJobId, ImportJobId> correctsOf(ProjectId project, Collection<ImportJobId> jobs) {
        Map<ImportJobId, ImportJobId> links = new HashMap<>();
        if (jobs.isEmpty()) {
            return links;
        }
        jdbc.sql("select id, corrects_job_id from import_job where project_id = ? and id = any (?)"
                        + " and corrects_job_id is not null")
                .params(project.value(), jobs.stream().map(ImportJobId::value).toArray(Long[]::new))
                .query(rs -> {
                    links.put(new ImportJobId(rs.getLong(1)), new ImportJobId(rs.getLong(2)));
                });
        return links;
    }
}

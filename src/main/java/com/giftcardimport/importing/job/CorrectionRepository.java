package com.giftcardimport.importing.job;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.project.ProjectId;
import java.util.Collection;
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

    /**
     * For a page of the list: the links among follow-ups and originals where either side is one of {@code jobs}, as
     * pairs of (follow-up, original).
     */
    public List<Map.Entry<ImportJobId, ImportJobId>> linksOf(ProjectId project, Collection<ImportJobId> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Long[] ids = jobs.stream().map(ImportJobId::value).toArray(Long[]::new);
        return jdbc.sql("select id, corrects_job_id from import_job where project_id = ? and corrects_job_id is not null"
                        + " and (id = any (?) or corrects_job_id = any (?)) order by id")
                .params(project.value(), ids, ids)
                .query((rs, n) -> Map.entry(new ImportJobId(rs.getLong(1)), new ImportJobId(rs.getLong(2))))
                .list();
    }
}

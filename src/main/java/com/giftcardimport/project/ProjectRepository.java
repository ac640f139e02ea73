package com.giftcardimport.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Projects and memberships. Carries no access checks of its own: callers are the services of
 * {@code security}, which check the current user first.
 */
@Repository
public class ProjectRepository {

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Project> findAll() {
        return jdbc.sql("select id, slug, name, created_at from project order by slug")
                .query(ProjectRepository::project).list();
    }

    public Optional<Project> findById(ProjectId id) {
        return jdbc.sql("select id, slug, name, created_at from project where id = ?")
                .param(id.value()).query(ProjectRepository::project).optional();
    }

    public Optional<Project> findBySlug(String slug) {
        return jdbc.sql("select id, slug, name, created_at from project where slug = ?")
                .param(slug).query(ProjectRepository::project).optional();
    }

    public ProjectId create(String slug, String name) {
        Long id = jdbc.sql("insert into project (slug, name) values (?, ?) returning id")
                .params(slug, name).query(Long.class).single();
        return new ProjectId(id);
    }

    /** The memberships of one user, ordered by project slug. */
    public List<Membership> membershipsOf(long userId) {
        return jdbc.sql("""
                        select p.id, p.slug, p.name, m.user_id, m.role
                          from membership m join project p on p.id = m.project_id
                         where m.user_id = ?
                         order by p.slug
                        """)
                .param(userId).query(ProjectRepository::membership).list();
    }

    public Optional<ProjectRole> roleOf(long userId, ProjectId projectId) {
        return jdbc.sql("select role from membership where user_id = ? and project_id = ?")
                .params(userId, projectId.value())
                .query((rs, n) -> ProjectRole.valueOf(rs.getString(1))).optional();
    }

    /** Adds the membership, or changes the role of an existing one. */
    public void putMembership(ProjectId projectId, long userId, ProjectRole role) {
        jdbc.sql("""
                        insert into membership (project_id, user_id, role) values (?, ?, ?)
                        on conflict (project_id, user_id) do update set role = excluded.role
                        """)
                .params(projectId.value(), userId, role.name()).update();
    }

    public void removeMembership(ProjectId projectId, long userId) {
        jdbc.sql("delete from membership where project_id = ? and user_id = ?")
                .params(projectId.value(), userId).update();
    }

    private static Project project(ResultSet rs, int rowNum) throws SQLException {
        return new Project(new ProjectId(rs.getLong("id")), rs.getString("slug"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Membership membership(ResultSet rs, int rowNum) throws SQLException {
        return new Membership(new ProjectId(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getLong(4),
                ProjectRole.valueOf(rs.getString(5)));
    }
}

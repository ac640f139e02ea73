package com.giftcardimport.api;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens in the database. Access checks are the callers' job. */
@Repository
class ApiTokenRepository {

    private static final String SELECT = """
            select t.id, t.name, t.token_prefix, u.display_name as created_by_name, t.created_at,
                   t.last_used_at, t.revoked_at
              from api_token t join app_user u on u.id = t.created_by
            """;

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ApiToken> findByProject(ProjectId projectId) {
        return jdbc.sql(SELECT + " where t.project_id = ? order by t.revoked_at is not null, t.created_at desc, t.id desc")
                .param(projectId.value()).query(ApiTokenRepository::token).list();
    }

    Optional<ApiToken> findById(ProjectId projectId, ApiTokenId id) {
        return jdbc.sql(SELECT + " where t.project_id = ? and t.id = ?")
                .params(projectId.value(), id.value()).query(ApiTokenRepository::token).optional();
    }

    boolean activeNameTaken(ProjectId projectId, String name) {
        return jdbc.sql("""
                        select exists (select 1 from api_token
                                        where project_id = ? and lower(name) = lower(?) and revoked_at is null)
                        """)
                .params(projectId.value(), name).query(Boolean.class).single();
    }

    ApiTokenId insert(ProjectId projectId, String name, String secret, UserId createdBy) {
        Long id = jdbc.sql("""
                        insert into api_token (project_id, name, token_prefix, token_hash, created_by)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(projectId.value(), name, ApiTokenSecrets.visiblePrefix(secret), ApiTokenSecrets.hash(secret),
                        createdBy.value())
                .query(Long.class).single();
        return new ApiTokenId(id);
    }

    /** Revokes an active token of the project; false when there is none (missing, foreign or already revoked). */
    boolean revoke(ProjectId projectId, ApiTokenId id) {
        return jdbc.sql("update api_token set revoked_at = now() where project_id = ? and id = ? and revoked_at is null")
                .params(projectId.value(), id.value()).update() == 1;
    }

    /**
     * The principal of an active token with this hash, as long as the admin who created it is still an enabled
     * project admin of the token's project. The one read of tokens across projects (the project is not known
     * before the token is), through the narrow database function {@code gci_api_token_principal}.
     */
    Optional<ApiTokenPrincipal> findPrincipal(String tokenHash) {
        return jdbc.sql("""
                        select token_id, project_id, created_by, token_name, creator_name
                          from gci_api_token_principal(?)
                        """)
                .param(tokenHash)
                .query((rs, n) -> new ApiTokenPrincipal(new ApiTokenId(rs.getLong("token_id")),
                        new ProjectId(rs.getLong("project_id")), new UserId(rs.getLong("created_by")),
                        rs.getString("token_name"), rs.getString("creator_name")))
                .optional();
    }

    /** Notes a use, at most once a minute per token so that busy scripts do not write on every call. */
    void touch(ApiTokenId id) {
        jdbc.sql("""
                        update api_token set last_used_at = now()
                         where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                        """)
                .param(id.value()).update();
    }

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(new ApiTokenId(rs.getLong("id")), rs.getString("name"), rs.getString("token_prefix"),
                rs.getString("created_by_name"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

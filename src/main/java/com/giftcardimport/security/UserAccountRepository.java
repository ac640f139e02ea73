package com.giftcardimport.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and what they may log in as. Access checks are the callers' job. */
@Repository
class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AppUser> findPrincipal(String username) {
        // the roles are read after the user's query has given its connection back: read inside the row mapper, they
        // would need a second connection while the first is held, and a burst of logins as large as the pool would
        // hold every connection and wait for one forever (until the pool's timeout fails them all)
        return jdbc.sql("""
                        select id, username, display_name, password_hash, enabled, platform_admin
                          from app_user where lower(username) = lower(?)
                        """)
                .param(username)
                .query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        rs.getBoolean("platform_admin")))
                .optional()
                .map(u -> new AppUser(u.id(), u.username(), u.displayName(), u.passwordHash(), u.enabled(),
                        u.platformAdmin(), projectRoles(u.id())));
    }

    private record UserRow(long id, String username, String displayName, String passwordHash, boolean enabled,
                           boolean platformAdmin) {
    }

    private Set<String> projectRoles(long userId) {
        // list(), not stream(): an unclosed stream keeps its connection, and every login would leak one
        return Set.copyOf(jdbc.sql("select distinct role from membership where user_id = ?").param(userId)
                .query(String.class).list());
    }

    /** Whether the person may log in and use their sessions (false when disabled or gone). */
    boolean isEnabled(UserId id) {
        return jdbc.sql("select coalesce((select enabled from app_user where id = ?), false)").param(id.value())
                .query(Boolean.class).single();
    }

    /** Whether the person is a platform admin now (false when gone). */
    boolean isPlatformAdmin(UserId id) {
        return jdbc.sql("select coalesce((select platform_admin and enabled from app_user where id = ?), false)")
                .param(id.value()).query(Boolean.class).single();
    }

    void update(UserId id, String displayName, boolean platformAdmin) {
        jdbc.sql("update app_user set display_name = ?, platform_admin = ? where id = ?")
                .params(displayName, platformAdmin, id.value()).update();
    }

    void setEnabled(UserId id, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, id.value()).update();
    }

    void setPasswordHash(UserId id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, id.value()).update();
    }

    String passwordHash(UserId id) {
        return jdbc.sql("select password_hash from app_user where id = ?").param(id.value())
                .query(String.class).single();
    }

    boolean existsAny() {
        return jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single();
    }

    boolean existsUsername(String username) {
        return jdbc.sql("select exists (select 1 from app_user where lower(username) = lower(?))")
                .param(username).query(Boolean.class).single();
    }

    UserId create(String username, String displayName, String passwordHash, boolean platformAdmin) {
        Long id = jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, platform_admin)
                        values (?, ?, ?, ?) returning id
                        """)
                .params(username, displayName, passwordHash, platformAdmin).query(Long.class).single();
        return new UserId(id);
    }

    Optional<UserAccount> findById(UserId id) {
        return jdbc.sql("select * from app_user where id = ?").param(id.value())
                .query(UserAccountRepository::account).optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("select * from app_user order by username").query(UserAccountRepository::account).list();
    }

    private static UserAccount account(ResultSet rs, int n) throws SQLException {
        return new UserAccount(new UserId(rs.getLong("id")), rs.getString("username"), rs.getString("display_name"),
                rs.getBoolean("platform_admin"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}

package com.giftcardimport.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the application's database role can and cannot do, tried on a connection of its own (the pool's URL, user
 * and password, one connection so that "the next transaction" is surely on the same physical connection). The truth
 * it is compared with is read as the owner.
 */
@SpringBootTest
@ActiveProfiles("test")
class DatabaseRolesTest {

    /** Every table whose rows belong to one project. */
    static final List<String> TENANT_TABLES = List.of("pool", "gift_card", "import_job", "import_error", "api_token");

    @Autowired
    DataSource dataSource;
    @Autowired
    OwnerJdbc owner;
    @Autowired
    JdbcClient appJdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TenantScope scope;

    HikariDataSource single;
    long acme;
    long globex;

    @BeforeEach
    void oneConnectionAsTheApplicationRole() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setMaximumPoolSize(1);
        config.setPoolName("rls-test");
        single = new HikariDataSource(config);
        acme = owner.sql("select id from project where slug = 'acme'").query(Long.class).single();
        globex = owner.sql("select id from project where slug = 'globex'").query(Long.class).single();
        // something in every tenant table of both projects
        for (long project : List.of(acme, globex)) {
            long pool1 = owner.sql("select min(id) from pool where project_id = ?").param(project)
                    .query(Long.class).single();
            long job = owner.sql("""
                            insert into import_job (project_id, import_type, import_action, original_file_name,
                                                    stored_file_id, file_size, encoding, delimiter, header, mapping,
                                                    launched_by_user_id, launched_by_label, request_fingerprint,
                                                    status, finished_at)
                            values (?, 'LOYALTY_GIFT_CARDS', 'ADD_GIFT_CARDS', 'rls.csv', ?, 1, 'UTF-8', ',',
                                    '{Card}', '[]', (select min(id) from app_user), 'RLS test', 'x', 'COMPLETED',
                                    now())
                            returning id
                            """)
                    .params(project, UUID.randomUUID().toString()).query(Long.class).single();
            owner.sql("""
                            insert into gift_card (project_id, pool_id, card_number, balance, import_job_id)
                            values (?, ?, ?, 1, ?)
                            """)
                    .params(project, pool1, "RLS-" + UUID.randomUUID().toString().substring(0, 8), job).update();
            owner.sql("""
                            insert into import_error (job_id, project_id, row_number, code, message)
                            values (?, ?, 2, 'X', 'x')
                            """)
                    .params(job, project).update();
        }
    }

    @AfterEach
    void closeTheConnection() {
        single.close();
    }

    @Test
    void the_application_role_is_not_a_superuser_has_no_bypassrls_and_owns_no_table() throws SQLException {
        try (Connection c = single.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select current_user, r.rolsuper, r.rolbypassrls,
                            (select count(*) from pg_class c where c.relowner = r.oid) as owned
                       from pg_roles r where r.rolname = current_user
                     """)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabaseConfiguration.APP_ROLE);
            assertThat(rs.getBoolean(2)).as("superuser").isFalse();
            assertThat(rs.getBoolean(3)).as("bypassrls").isFalse();
            assertThat(rs.getLong(4)).as("owned relations").isZero();
        }
        assertThat(new DatabaseRoleCheck(appJdbc, true).check().problems()).isEmpty();
    }

    @Test
    void every_table_with_a_project_id_except_membership_has_forced_row_level_security_and_a_policy() {
        List<String> withProjectId = owner.sql("""
                        select c.relname from pg_class c
                          join pg_attribute a on a.attrelid = c.oid and a.attname = 'project_id'
                         where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                           and c.relname not like 'benchmark%'
                         order by 1
                        """)
                .query(String.class).list();
        assertThat(withProjectId).containsAll(TENANT_TABLES).contains("membership");
        for (String table : withProjectId) {
            if (DatabaseRoleCheck.NOT_TENANT_SCOPED.contains(table)) {
                continue;
            }
            assertThat(owner.sql("""
                            select c.relrowsecurity and c.relforcerowsecurity
                                   and exists (select 1 from pg_policy p where p.polrelid = c.oid)
                              from pg_class c where c.oid = cast(? as regclass)
                            """)
                    .param(table).query(Boolean.class).single())
                    .as(table + " has enabled and forced row-level security with a policy").isTrue();
        }
    }

    @Test
    void the_start_up_check_refuses_a_superuser_connection() {
        assertThat(new DatabaseRoleCheck(owner.client(), true).check().problems())
                .contains("it is a superuser");
    }

    @Test
    void without_the_setting_the_application_role_sees_no_row_of_any_tenant_table() throws SQLException {
        try (Connection c = single.getConnection()) {
            for (String table : TENANT_TABLES) {
                assertThat(owner.sql("select count(*) from " + table).query(Long.class).single())
                        .as("rows in " + table).isPositive();
                assertThat(count(c, "select count(*) from " + table)).as(table + " outside a transaction").isZero();
            }
            c.setAutoCommit(false);
            for (String table : TENANT_TABLES) {
                assertThat(count(c, "select count(*) from " + table)).as(table + " in a transaction").isZero();
            }
            c.rollback();
        }
    }

    @Test
    void with_acme_in_the_setting_the_application_role_sees_exactly_the_rows_of_acme() throws SQLException {
        try (Connection c = single.getConnection()) {
            c.setAutoCommit(false);
            setProjects(c, Long.toString(acme));
            for (String table : TENANT_TABLES) {
                long acmeRows = owner.sql("select count(*) from " + table + " where project_id = ?").param(acme)
                        .query(Long.class).single();
                assertThat(acmeRows).as("acme rows in " + table).isPositive();
                assertThat(count(c, "select count(*) from " + table)).as(table).isEqualTo(acmeRows);
                assertThat(count(c, "select count(*) from " + table + " where project_id <> " + acme))
                        .as("rows of other projects in " + table).isZero();
            }
            c.rollback();
        }
    }

    @Test
    void an_account_manager_setting_with_two_projects_sees_both_and_nothing_else() throws SQLException {
        try (Connection c = single.getConnection()) {
            c.setAutoCommit(false);
            setProjects(c, acme + "," + globex);
            assertThat(count(c, "select count(*) from pool")).isEqualTo(owner.sql(
                    "select count(*) from pool where project_id in (?, ?)").params(acme, globex)
                    .query(Long.class).single());
            assertThat(count(c, "select count(*) from pool where project_id not in (" + acme + ", " + globex + ")"))
                    .isZero();
            c.rollback();
        }
    }

    @Test
    void scoped_to_acme_the_application_role_cannot_write_or_move_a_row_of_another_project() throws SQLException {
        long globexPool = owner.sql("select min(id) from pool where project_id = ?").param(globex)
                .query(Long.class).single();
        long acmePool = owner.sql("select min(id) from pool where project_id = ?").param(acme)
                .query(Long.class).single();
        try (Connection c = single.getConnection()) {
            c.setAutoCommit(false);
            setProjects(c, Long.toString(acme));
            assertThatThrownBy(() -> execute(c, "insert into pool (project_id, system_name, name, value_type) "
                    + "values (" + globex + ", 'rls-intruder', 'x', 'ARBITRARY')"))
                    .hasMessageContaining("row-level security");
            c.rollback();
            setProjects(c, Long.toString(acme));
            assertThatThrownBy(() -> execute(c, "update pool set project_id = " + globex + " where id = " + acmePool))
                    .hasMessageContaining("row-level security");
            c.rollback();
            setProjects(c, Long.toString(acme));
            assertThat(update(c, "update pool set name = 'hijacked' where id = " + globexPool)).isZero();
            assertThat(update(c, "delete from gift_card where project_id = " + globex)).isZero();
            c.commit();
        }
        assertThat(owner.sql("select name from pool where id = ?").param(globexPool).query(String.class).single())
                .isNotEqualTo("hijacked");
    }

    @Test
    void the_application_role_cannot_change_the_schema_disable_row_level_security_or_become_the_owner()
            throws SQLException {
        try (Connection c = single.getConnection()) {
            for (String sql : List.of(
                    "alter table pool disable row level security",
                    "alter table pool no force row level security",
                    "drop policy tenant_isolation on pool",
                    "create policy everything on pool using (true)",
                    "drop table gift_card",
                    "truncate gift_card",
                    "create table mine (id int)",
                    "create or replace function gci_current_project_ids() returns bigint[] language sql "
                            + "as $$ select array(select id from project) $$",
                    "set role postgres",
                    "set session authorization postgres",
                    "alter role " + EmbeddedDatabaseConfiguration.APP_ROLE + " bypassrls",
                    "grant postgres to " + EmbeddedDatabaseConfiguration.APP_ROLE,
                    "delete from databasechangelog")) {
                assertThatThrownBy(() -> execute(c, sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage())
                                .isIn("42501", "0LP01"));
            }
            execute(c, "set row_security = off");
            assertThatThrownBy(() -> count(c, "select count(*) from pool"))
                    .as("row_security = off makes a query fail instead of bypassing the policies")
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void the_setting_does_not_outlive_its_transaction_on_the_same_pooled_connection() throws SQLException {
        int backend;
        try (Connection c = single.getConnection()) {
            backend = (int) count(c, "select pg_backend_pid()");
            c.setAutoCommit(false);
            setProjects(c, Long.toString(acme));
            assertThat(count(c, "select count(*) from pool")).isPositive();
            c.commit();
            assertThat(count(c, "select count(*) from pool")).as("next transaction after a commit").isZero();
            setProjects(c, Long.toString(acme));
            c.rollback();
            assertThat(count(c, "select count(*) from pool")).as("next transaction after a rollback").isZero();
            c.commit();
        }
        try (Connection c = single.getConnection()) {
            assertThat((int) count(c, "select pg_backend_pid()")).as("the same physical connection").isEqualTo(backend);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('app.project_ids', true)")) {
                rs.next();
                assertThat(rs.getString(1)).isNullOrEmpty();
            }
            assertThat(count(c, "select count(*) from pool")).isZero();
        }
    }

    @Test
    void a_cross_tenant_lookup_does_not_widen_the_scope_of_the_transaction_that_calls_it() throws SQLException {
        try (Connection c = single.getConnection()) {
            c.setAutoCommit(false);
            setProjects(c, Long.toString(acme));
            count(c, "select count(*) from gci_import_dispatch_candidates()");
            count(c, "select count(*) from gci_api_token_principal('nothing')");
            count(c, "select count(*) from gci_import_files_past_retention(now())");
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('app.project_ids')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(Long.toString(acme));
            }
            assertThat(count(c, "select count(*) from pool where project_id <> " + acme)).isZero();
            c.rollback();
        }
    }

    @Test
    void a_transaction_of_the_application_that_forgets_the_scope_sees_nothing_and_one_that_sets_it_sees_its_project() {
        long acmePools = owner.sql("select count(*) from pool where project_id = ?").param(acme)
                .query(Long.class).single();
        Long forgotten = tx.execute(status -> appJdbc.sql("select count(*) from pool").query(Long.class).single());
        Long scoped = scope.inProject(new ProjectId(acme),
                () -> appJdbc.sql("select count(*) from pool").query(Long.class).single());
        Long afterwards = tx.execute(status -> appJdbc.sql("select count(*) from pool").query(Long.class).single());

        assertThat(forgotten).isZero();
        assertThat(scoped).isEqualTo(acmePools);
        assertThat(afterwards).isZero();
        assertThat(appJdbc.sql("select count(*) from pool").query(Long.class).single())
                .as("a statement outside any transaction").isZero();
        assertThatThrownBy(() -> scope.enter(List.of(new ProjectId(acme))))
                .as("the scope cannot be set outside a transaction").isInstanceOf(IllegalStateException.class);
    }

    private static void setProjects(Connection c, String ids) throws SQLException {
        try (var s = c.prepareStatement("select set_config('app.project_ids', ?, true)")) {
            s.setString(1, ids);
            s.executeQuery().close();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}

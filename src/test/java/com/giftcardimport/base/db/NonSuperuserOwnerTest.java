package com.giftcardimport.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The external-server set-up of docs/deployment.md on a server of its own: the tables belong to an owner that is
 * not a superuser (so FORCE binds it), the application connects as a second role, and the real migrations run as
 * the owner. Proves that the owner itself sees nothing without the setting, and that the cross-project lookups
 * still work for the application although their owner is bound by row-level security.
 */
class NonSuperuserOwnerTest {

    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    @SuppressWarnings("deprecation")
    static void migrateAsAnOwnerThatIsNotASuperuser() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection superuser = connect("postgres", "postgres", "postgres");
             Statement s = superuser.createStatement()) {
            s.execute("create role gci_owner login password 'owner'");
            s.execute("create role gci_app login password 'app' nosuperuser nobypassrls noinherit");
            s.execute("create database giftcards owner gci_owner");
        }
        url = "jdbc:postgresql://localhost:" + server.getPort() + "/giftcards";
        try (Connection owner = DriverManager.getConnection(url, "gci_owner", "owner")) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(owner));
            Liquibase liquibase = new Liquibase("db/changelog/db.changelog-master.yaml",
                    new ClassLoaderResourceAccessor(), database);
            liquibase.setChangeLogParameter("appRole", "gci_app");
            liquibase.update("");
            owner.setAutoCommit(false);
            try (Statement s = owner.createStatement()) {
                s.execute("insert into project (id, slug, name) overriding system value values (1, 'one', 'One'), "
                        + "(2, 'two', 'Two')");
                s.execute("insert into app_user (id, username, display_name, password_hash) overriding system value "
                        + "values (1, 'admin1', 'Admin 1', 'x')");
                s.execute("insert into membership (project_id, user_id, role) values (1, 1, 'PROJECT_ADMIN')");
                s.execute("select set_config('app.project_ids', '1,2', true)");
                s.execute("insert into pool (project_id, system_name, name, value_type) values "
                        + "(1, 'p1', 'P1', 'ARBITRARY'), (2, 'p2', 'P2', 'ARBITRARY')");
                s.execute("insert into api_token (project_id, name, token_prefix, token_hash, created_by) "
                        + "values (1, 't', 'gci_', repeat('a', 64), 1)");
                s.execute("""
                        insert into import_job (project_id, import_type, import_action, original_file_name,
                                                stored_file_id, file_size, encoding, delimiter, header, mapping,
                                                launched_by_user_id, launched_by_label, request_fingerprint)
                        values (2, 'LOYALTY_GIFT_CARDS', 'ADD_GIFT_CARDS', 'f.csv', 'file-2', 1, 'UTF-8', ',',
                                '{Card}', '[]', 1, 'Admin 1', 'x')
                        """);
            }
            owner.commit();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void the_owner_itself_sees_no_tenant_row_without_the_setting() throws SQLException {
        try (Connection owner = DriverManager.getConnection(url, "gci_owner", "owner")) {
            assertThat(count(owner, "select count(*) from pool")).isZero();
            assertThat(count(owner, "select count(*) from import_job")).isZero();
        }
    }

    @Test
    void the_application_role_was_granted_its_rights_and_sees_only_the_projects_of_its_setting() throws SQLException {
        try (Connection app = DriverManager.getConnection(url, "gci_app", "app")) {
            assertThat(count(app, "select count(*) from pool")).isZero();
            app.setAutoCommit(false);
            try (Statement s = app.createStatement()) {
                s.execute("select set_config('app.project_ids', '2', true)");
            }
            assertThat(count(app, "select count(*) from pool")).isEqualTo(1);
            assertThat(count(app, "select count(*) from pool where project_id = 1")).isZero();
            app.rollback();
        }
    }

    @Test
    void the_cross_project_lookups_work_for_the_application_although_their_owner_is_bound_and_restore_its_scope()
            throws SQLException {
        try (Connection app = DriverManager.getConnection(url, "gci_app", "app")) {
            app.setAutoCommit(false);
            try (Statement s = app.createStatement()) {
                s.execute("select set_config('app.project_ids', '1', true)");
            }
            assertThat(count(app, "select count(*) from gci_import_dispatch_candidates() where project_id = 2")).isEqualTo(1);
            assertThat(count(app, "select count(*) from gci_api_token_principal(repeat('a', 64))")).isEqualTo(1);
            try (Statement s = app.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('app.project_ids')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1");
            }
            assertThat(count(app, "select count(*) from import_job")).as("the caller's own scope").isZero();
            app.rollback();
        }
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/" + database, user,
                password);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

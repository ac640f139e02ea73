package com.giftcardimport.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.Application;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory made by a version before row-level security (the application then connected as the superuser
 * that owns the tables) still starts: the new version creates its restricted role, migrates as the owner, and reads
 * the old rows through row-level security. Its server trusted every local connection: the new version sets passwords
 * for every role and rewrites {@code pg_hba.conf}, so the old way in is refused.
 */
class LegacyDataDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    @SuppressWarnings("deprecation")
    void a_data_directory_of_an_earlier_version_starts_its_rows_are_read_through_row_level_security_and_its_trust_is_gone()
            throws Exception {
        Path postgres = dataDir.resolve("postgres");
        Files.createDirectories(postgres);
        long project;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(postgres)
                .setCleanDataDirectory(false).start();
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://localhost:" + old.getPort() + "/postgres", "postgres", "postgres")) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase("db/before-row-level-security.yaml", new ClassLoaderResourceAccessor(), database)
                    .update("");
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                ResultSet rs = statement.executeQuery(
                        "insert into project (slug, name) values ('legacy', 'Legacy') returning id");
                rs.next();
                project = rs.getLong(1);
                statement.execute("insert into pool (project_id, system_name, name, value_type) values ("
                        + project + ", 'old-pool', 'Old pool', 'ARBITRARY')");
            }
        }

        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--app.data-dir=" + dataDir, "--app.embedded-db.directory=" + postgres,
                        "--app.embedded-db.ephemeral=false", "--server.port=0", "--app.demo-data.enabled=false",
                        "--spring.main.banner-mode=off");
        try {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TenantScope scope = context.getBean(TenantScope.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single())
                    .isEqualTo(EmbeddedDatabaseConfiguration.APP_ROLE);
            assertThat(jdbc.sql("select count(*) from pool").query(Long.class).single()).isZero();
            assertThat(scope.readInProject(new ProjectId(project),
                    () -> jdbc.sql("select system_name from pool").query(String.class).list()))
                    .containsExactly("old-pool");
            EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
            assertThat(postgres.resolve(DatabaseCredentials.FILE_NAME)).isRegularFile();
            assertThat(Files.readString(postgres.resolve("pg_hba.conf"))).doesNotContain("trust");
            for (String password : new String[] {"postgres", "", database.appPassword()}) {
                assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", password).close())
                        .isInstanceOf(SQLException.class);
            }
            DriverManager.getConnection(database.jdbcUrl(), "postgres", database.ownerPassword()).close();
        } finally {
            EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
            context.close();
            database.close();
        }
    }
}

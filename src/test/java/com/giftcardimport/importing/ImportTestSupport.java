package com.giftcardimport.importing;

import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.AppUser;
import com.giftcardimport.security.CurrentTenant;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Test data of the import tests: each test makes its own project, people and pools with unique names (the
 * database is shared by every test of the JVM), and logs in as real {@link AppUser}s from the
 * {@link UserDetailsService}.
 */
@Component
public class ImportTestSupport {

    /** A project made for one test, with a project admin and an account manager of its own. */
    public record TestProject(ProjectId id, String slug, String admin, String manager) {
    }

    private final OwnerJdbc jdbc;
    private final ProjectRepository projects;
    private final UserDetailsService users;
    private final CurrentTenant current;
    private final FileStore files;

    ImportTestSupport(OwnerJdbc jdbc, ProjectRepository projects, UserDetailsService users, CurrentTenant current,
                      FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
        this.projects = projects;
        this.users = users;
        this.current = current;
    }

    /**
     * Gives an ended job its file back, as a job whose node died before its end still has it: an import's file is
     * deleted when it ends (app.import.file-retention=0s), so a test that turns an ended job back into a running one
     * to play a dead node must store the file again.
     */
    public void storeFileAgain(ProjectId project, ImportJobId job, String content) throws IOException {
        StoredFile file = files.store(project, "again.csv", new ByteArrayInputStream(
                content.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("update import_job set stored_file_id = ?, file_deleted_at = null where id = ?")
                .params(file.id(), job.value()).update();
    }

    public TestProject newProject() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        ProjectId id = projects.create(slug, "Test " + slug);
        String admin = slug + "-admin";
        String manager = slug + "-manager";
        projects.putMembership(id, user(admin, "Admin of " + slug), ProjectRole.PROJECT_ADMIN);
        projects.putMembership(id, user(manager, "Manager of " + slug), ProjectRole.ACCOUNT_MANAGER);
        return new TestProject(id, slug, admin, manager);
    }

    public long user(String username, String displayName) {
        return jdbc.sql("""
                        insert into app_user (username, display_name, password_hash) values (?, ?, 'x')
                        returning id
                        """)
                .params(username, displayName).query(Long.class).single();
    }

    public long userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
    }

    public long arbitraryPool(ProjectId project, String systemName, boolean cvv) {
        return pool(project, systemName, "ARBITRARY", null, cvv, null, null);
    }

    public long fixedPool(ProjectId project, String systemName, String faceValue) {
        return pool(project, systemName, "FIXED", faceValue, false, null, null);
    }

    public long pool(ProjectId project, String systemName, String valueType, String faceValue, boolean cvv,
                     String validityUnit, Integer validityAmount) {
        return jdbc.sql("""
                        insert into pool (project_id, system_name, name, value_type, face_value, cvv_required,
                                          validity_unit, validity_amount)
                        values (?, ?, ?, ?, cast(? as numeric), ?, ?, ?) returning id
                        """)
                .params(project.value(), systemName, "Pool " + systemName, valueType, faceValue, cvv, validityUnit,
                        validityAmount)
                .query(Long.class).single();
    }

    public long projectIdOf(String slug) {
        return projects.findBySlug(slug).orElseThrow().id().value();
    }

    /** Logs in as {@code username} (loaded like a form login) with {@code project} as the current project. */
    public AppUser loginAs(String username, ProjectId project) {
        AppUser user = (AppUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        if (project != null) {
            current.switchTo(project);
        }
        return user;
    }

    public void logout() {
        SecurityContextHolder.clearContext();
    }

    /** Waits until the job has ended (it runs on the import executor) and returns it as the database has it. */
    public String awaitEnd(ImportJobId job, Duration timeout) {
        return await("the end of import " + job).atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> status(job), status -> ImportStatus.valueOf(status).isFinal());
    }

    public String status(ImportJobId job) {
        return jdbc.sql("select status from import_job where id = ?").param(job.value()).query(String.class).single();
    }
}

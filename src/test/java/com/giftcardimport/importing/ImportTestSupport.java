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
import java.util.Map;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Test data of the import tests: each test makes its own project, people and pools with unique names (the
 * database is shared by every test of the JVM), and logs in as real {@link AppUser}s from the
 * {@link UserDetailsService}; files of both actions are uploaded and imported through the use-case services as the
 * logged-in person, awaited to their end, and the project's cards read back.
 */
@Component
public class ImportTestSupport {

    /** The longest a test waits for an import to end (a loaded CI machine included). */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The header of a file of cards to add, mapped by {@link #ADD}. */
    public static final String CARDS = "Card number,Pool system name,Card balance,Gift card status\n";
    public static final ColumnMapping ADD = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER,
            1, GiftCardField.POOL, 2, GiftCardField.BALANCE, 3, GiftCardField.STATUS), 4);
    /** The mapping of a file of card numbers and statuses. */
    public static final ColumnMapping UPDATE = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER,
            1, GiftCardField.STATUS), 2);

    /** A project made for one test, with a project admin and an account manager of its own. */
    public record TestProject(ProjectId id, String slug, String admin, String manager) {
    }

    private final OwnerJdbc jdbc;
    private final ProjectRepository projects;
    private final UserDetailsService users;
    private final CurrentTenant current;
    private final FileStore files;
    private final FileInspection inspection;
    private final ImportLaunch launcher;
    private final ImportQueries queries;

    ImportTestSupport(OwnerJdbc jdbc, ProjectRepository projects, UserDetailsService users, CurrentTenant current,
                      FileStore files, FileInspection inspection, ImportLaunch launcher, ImportQueries queries) {
        this.jdbc = jdbc;
        this.files = files;
        this.projects = projects;
        this.users = users;
        this.current = current;
        this.inspection = inspection;
        this.launcher = launcher;
        this.queries = queries;
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

    /** A new project with the arbitrary pool {@code flex} (no CVV), its admin logged in. */
    public TestProject adminOfNewProject() {
        TestProject project = newProject();
        arbitraryPool(project.id(), "flex", false);
        loginAs(project.admin(), project.id());
        return project;
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

    /** Uploads {@code csv} as a UTF-8 file {@code cards.csv} through the wizard's intake. */
    public StoredFile upload(String csv) {
        return inspection.upload(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "cards.csv");
    }

    public static FileFormat utf8() {
        return new FileFormat(StandardCharsets.UTF_8, ',');
    }

    /** Imports {@code csv} (UTF-8, commas) with {@code action} and waits for its end. */
    public ImportSummary importCsv(String csv, ImportAction action, ColumnMapping mapping) {
        return launchAndAwait(new LaunchRequest(upload(csv), utf8(), mapping, null, action));
    }

    /** Launches the import, waits for its end (within {@link #TIMEOUT}) and returns it as the queries show it. */
    public ImportSummary launchAndAwait(LaunchRequest request) {
        ImportJobId id = launcher.launch(request).id();
        awaitEnd(id, TIMEOUT);
        return queries.get(id);
    }

    /** The project's cards as {@code number=STATUS}, by number; empty when it has none. */
    public String cards(TestProject project) {
        return jdbc.sql("""
                        select coalesce(string_agg(card_number || '=' || status, ' ' order by card_number), '')
                          from gift_card where project_id = ?
                        """)
                .param(project.id().value()).query(String.class).single();
    }

    /** How many cards the project has. */
    public long cardCount(TestProject project) {
        return jdbc.sql("select count(*) from gift_card where project_id = ?").param(project.id().value())
                .query(Long.class).single();
    }
}

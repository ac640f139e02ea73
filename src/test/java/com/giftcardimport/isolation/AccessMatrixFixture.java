package com.giftcardimport.isolation;

import com.giftcardimport.api.ApiTestSupport;
import com.giftcardimport.api.ApiTokenId;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The world of the access matrix tests, made once per Spring context with fresh names (the database is shared):
 * <ul>
 *   <li>project <b>A</b> ("acme") with an admin, data in every tenant table and an API token;</li>
 *   <li>project <b>G</b> ("globex") alike: the foreign project of A's people, and the home of the API token actor;</li>
 *   <li>project <b>B</b>, empty, so that the account manager (of A and B) has several projects;</li>
 *   <li>a platform admin with no membership, and a throw-away project and person for the platform admin's own
 *       calls.</li>
 * </ul>
 * Every text of a project's data carries the project's marker (pool and card names, file names, errors, token
 * names, the project's name, the name of its admin who launched its import), so that "nothing of G is shown" is a
 * search for G's marker in whatever a call answered or a screen showed.
 */
@Component
public class AccessMatrixFixture {

    /** One project's world and the ids of its things. */
    public record Side(String marker, ProjectId project, String slug, String adminUsername, UserId admin,
                       PoolId pool, String poolSystemName, ImportJobId job, ApiTokenId token, String tokenSecret,
                       String fileId) {

        /** The ids a foreign caller would try. */
        public Ids ids() {
            return new Ids(project, pool, poolSystemName, job, token, fileId, admin, adminUsername, marker + "-card");
        }
    }

    /** Ids to try: a foreign project's, or ones that exist nowhere. */
    public record Ids(ProjectId project, PoolId pool, String poolSystemName, ImportJobId job, ApiTokenId token,
                      String fileId, UserId user, String username, String cardNumber) {

        /** The ids as they would appear in a message or a URL. */
        List<String> asText() {
            return List.of(Long.toString(project.value()), Long.toString(pool.value()), poolSystemName,
                    Long.toString(job.value()), Long.toString(token.value()), fileId, Long.toString(user.value()),
                    username, cardNumber);
        }
    }

    /** Larger than any id a test run makes. */
    static final long MISSING = 987_654_321_987L;

    private final OwnerJdbc owner;
    private final FileStore files;
    private final Path uploads;

    private World world;
    /** Ids of this world's rows are taken from here on: large, so that no small number in a text is taken for one. */
    private long nextId;

    AccessMatrixFixture(OwnerJdbc owner, FileStore files, @Value("${app.data-dir}") Path dataDir) {
        this.owner = owner;
        this.files = files;
        this.uploads = dataDir.resolve("uploads").toAbsolutePath().normalize();
    }

    /** Everything, made on first use. */
    public record World(Side a, Side g, ProjectId b, String managerUsername, String platformAdminUsername,
                        ProjectId throwawayProject, UserId throwawayUser, String throwawayUsername) {
    }

    public synchronized World world() {
        if (world == null) {
            world = create();
        }
        return world;
    }

    public Ids missing() {
        return new Ids(new ProjectId(MISSING), new PoolId(MISSING), "zz-missing-pool", new ImportJobId(MISSING),
                new ApiTokenId(MISSING), UUID.randomUUID().toString(), new UserId(MISSING), "zz-missing-user",
                "zz-missing-card");
    }

    /**
     * A text picture of everything a project has: its row and memberships, the rows of every tenant table, and its
     * uploaded files. Equal before and after means nothing of the project changed.
     */
    public String snapshot(ProjectId project) {
        String rows = owner.sql("""
                        select coalesce(string_agg(t, E'\\n' order by t), '') from (
                            select 'project ' || row(p.*)::text as t from project p where p.id = :p
                            union all select 'member ' || row(m.*)::text from membership m where m.project_id = :p
                            union all select 'pool ' || row(x.*)::text from pool x where x.project_id = :p
                            union all select 'card ' || row(x.*)::text from gift_card x where x.project_id = :p
                            union all select 'job ' || row(x.*)::text from import_job x where x.project_id = :p
                            union all select 'error ' || row(x.*)::text from import_error x where x.project_id = :p
                            union all select 'token ' || row(x.*)::text from api_token x where x.project_id = :p
                            union all select 'status change ' || row(x.*)::text from import_status_change x
                                       where x.project_id = :p
                            union all select 'undo ' || row(x.*)::text from import_undo x where x.project_id = :p
                            union all select 'kept ' || row(x.*)::text from import_undo_kept x
                                       where x.project_id = :p
                        ) rows
                        """)
                .param("p", project.value()).query(String.class).single();
        Path directory = uploads.resolve(Long.toString(project.value()));
        StringBuilder fileList = new StringBuilder();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> list = Files.list(directory)) {
                list.sorted().forEach(f -> {
                    try {
                        fileList.append("\nfile ").append(f.getFileName()).append(' ').append(Files.size(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows + fileList;
    }

    private World create() {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        nextId = 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 1_000;
        Side a = side("zzleak-a" + run);
        Side g = side("zzleak-g" + run);
        ProjectId b = project("zzleak-b" + run);
        String manager = "zzleak-m" + run + "-manager";
        UserId managerId = user(manager, "Manager " + run, false);
        member(a.project(), managerId, "ACCOUNT_MANAGER");
        member(b, managerId, "ACCOUNT_MANAGER");
        String root = "zzleak-r" + run + "-root";
        user(root, "Root " + run, true);
        ProjectId throwawayProject = project("zzleak-t" + run);
        String throwawayUsername = "zzleak-t" + run + "-user";
        UserId throwawayUser = user(throwawayUsername, "Throwaway " + run, false);
        return new World(a, g, b, manager, root, throwawayProject, throwawayUser, throwawayUsername);
    }

    private Side side(String marker) {
        ProjectId project = project(marker);
        String adminUsername = marker + "-admin";
        UserId admin = user(adminUsername, "Admin " + marker, false);
        member(project, admin, "PROJECT_ADMIN");
        String poolSystemName = marker + "-pool";
        long pool = owner.sql("""
                        insert into pool (id, project_id, system_name, name, value_type) overriding system value
                        values (?, ?, ?, ?, 'ARBITRARY')
                        returning id
                        """)
                .params(nextId++, project.value(), poolSystemName, "Pool " + marker).query(Long.class).single();
        long job = owner.sql("""
                        insert into import_job (id, project_id, import_type, import_action, original_file_name,
                                                stored_file_id, file_size, encoding, delimiter, header, mapping,
                                                launched_by_user_id, launched_by_label, request_fingerprint, status,
                                                total_rows, imported_rows, failed_rows, last_row_number, started_at,
                                                finished_at, file_deleted_at)
                        overriding system value
                        values (?, ?, 'LOYALTY_GIFT_CARDS', 'ADD_GIFT_CARDS', ?, ?, 40, 'UTF-8', ',',
                                '{Card,Pool,Balance}', '["CARD_NUMBER","POOL","BALANCE"]', ?, ?, 'x',
                                'COMPLETED_WITH_ERRORS', 2, 1, 1, 3, now(), now(), now())
                        returning id
                        """)
                .params(nextId++, project.value(), marker + ".csv", UUID.randomUUID().toString(), admin.value(),
                        "Admin " + marker)
                .query(Long.class).single();
        owner.sql("""
                        insert into gift_card (id, project_id, pool_id, card_number, balance, point_of_contact,
                                               import_job_id, import_row_number)
                        overriding system value
                        values (?, ?, ?, ?, 10, ?, ?, 2)
                        """)
                .params(nextId++, project.value(), pool, marker + "-card", "Shop " + marker, job).update();
        owner.sql("""
                        insert into import_error (job_id, project_id, row_number, seq, column_name, value, code,
                                                  message, original_row)
                        values (?, ?, 3, 0, 'Balance', ?, 'BALANCE_INVALID', ?, ?)
                        """)
                .params(job, project.value(), marker + "-value", "Balance of " + marker + " is not a number",
                        new String[] {marker + "-card2", poolSystemName, marker + "-value"})
                .update();
        String secret = ApiTestSupport.newSecret();
        long token = owner.sql("""
                        insert into api_token (id, project_id, name, token_prefix, token_hash, created_by)
                        overriding system value
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(nextId++, project.value(), marker + "-token", ApiTestSupport.visiblePrefix(secret),
                        ApiTestSupport.hash(secret), admin.value())
                .query(Long.class).single();
        StoredFile upload;
        try {
            upload = files.store(project, marker + "-upload.csv", new ByteArrayInputStream(
                    ("Card,Pool,Balance\n" + marker + "-new," + poolSystemName + ",5\n")
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Side(marker, project, marker, adminUsername, admin, new PoolId(pool), poolSystemName,
                new ImportJobId(job), new ApiTokenId(token), secret, upload.id());
    }

    private ProjectId project(String slug) {
        return new ProjectId(owner.sql("""
                        insert into project (id, slug, name) overriding system value values (?, ?, ?) returning id
                        """)
                .params(nextId++, slug, "Project " + slug).query(Long.class).single());
    }

    private UserId user(String username, String displayName, boolean platformAdmin) {
        return new UserId(owner.sql("""
                        insert into app_user (id, username, display_name, password_hash, platform_admin)
                        overriding system value
                        values (?, ?, ?, 'x', ?) returning id
                        """)
                .params(nextId++, username, displayName, platformAdmin).query(Long.class).single());
    }

    private void member(ProjectId project, UserId user, String role) {
        owner.sql("insert into membership (project_id, user_id, role) values (?, ?, ?)")
                .params(project.value(), user.value(), role).update();
    }
}

package com.giftcardimport.base;

import com.giftcardimport.base.db.EmbeddedDatabase;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo projects, people and pools for the embedded default. Runs only when the application started its own
 * database, demo data is enabled, and the database has no users yet, so an external server is never touched.
 * The logins are listed in the README.
 */
@Component
@Order(0)
public class DemoData implements ApplicationRunner {

    /** The password of every demo login. */
    public static final String PASSWORD = "password";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ObjectProvider<EmbeddedDatabase> embedded;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final ApplicationEventPublisher events;
    private final TenantScope scope;

    DemoData(ObjectProvider<EmbeddedDatabase> embedded, JdbcClient jdbc, PasswordEncoder passwordEncoder,
             TransactionTemplate tx, @Value("${app.demo-data.enabled:true}") boolean enabled,
             ApplicationEventPublisher events, TenantScope scope) {
        this.embedded = embedded;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
        this.enabled = enabled;
        this.events = events;
        this.scope = scope;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || embedded.getIfAvailable() == null) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("lock table app_user in exclusive mode").update();
            if (jdbc.sql("select exists (select 1 from app_user)").query(Boolean.class).single()) {
                return;
            }
            seed();
            events.publishEvent(new DemoDataCreated());
            log.info("Demo data created: log in as 'alice' (acme), 'bob' (globex), 'maria' (account manager) "
                    + "or 'root' (platform admin), password '{}'", PASSWORD);
        });
    }

    private void seed() {
        long acme = project("acme", "ACME Retail");
        long globex = project("globex", "Globex Coffee");
        user("root", "Rita Root", true);
        long alice = user("alice", "Alice Admin", false);
        long bob = user("bob", "Bob Builder", false);
        long maria = user("maria", "Maria Manager", false);
        member(acme, alice, "PROJECT_ADMIN");
        member(globex, bob, "PROJECT_ADMIN");
        member(acme, maria, "ACCOUNT_MANAGER");
        member(globex, maria, "ACCOUNT_MANAGER");
        scope.enter(List.of(new ProjectId(acme), new ProjectId(globex)));
        pool(acme, "gold-1000", "Gold card 1000", "FIXED", "1000.00", true, "MONTHS", 12);
        pool(acme, "flex", "Flexible amount card", "ARBITRARY", null, false, null, null);
        pool(acme, "summer.2026", "Summer 2026 promo 500", "FIXED", "500.00", false, "DAYS", 90);
        pool(globex, "gold-1000", "Globex gold 1000", "FIXED", "1000.00", false, null, null);
        pool(globex, "globex-only", "Globex coffee card", "ARBITRARY", null, false, "MONTHS", 6);
    }

    private long project(String slug, String name) {
        return jdbc.sql("insert into project (slug, name) values (?, ?) returning id")
                .params(slug, name).query(Long.class).single();
    }

    private long user(String username, String displayName, boolean platformAdmin) {
        return jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, platform_admin)
                        values (?, ?, ?, ?) returning id
                        """)
                .params(username, displayName, passwordEncoder.encode(PASSWORD), platformAdmin)
                .query(Long.class).single();
    }

    private void member(long project, long user, String role) {
        jdbc.sql("insert into membership (project_id, user_id, role) values (?, ?, ?)")
                .params(project, user, role).update();
    }

    private void pool(long project, String systemName, String name, String valueType, String faceValue,
                      boolean cvv, String validityUnit, Integer validityAmount) {
        jdbc.sql("""
                        insert into pool (project_id, system_name, name, value_type, face_value, cvv_required,
                                          validity_unit, validity_amount)
                        values (?, ?, ?, ?, cast(? as numeric), ?, ?, ?)
                        """)
                .params(project, systemName, name, valueType, faceValue, cvv, validityUnit, validityAmount)
                .update();
    }
}

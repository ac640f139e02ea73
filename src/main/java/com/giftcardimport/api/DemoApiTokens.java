package com.giftcardimport.api;

import com.giftcardimport.base.DemoDataCreated;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import com.giftcardimport.security.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One API token for each demo project, with a fixed, published secret so that the documented {@code curl}
 * examples work as written. Created only together with the demo data (the embedded default on its first start),
 * never on an existing or external database.
 */
@Component
public class DemoApiTokens {

    /** The secret of the demo token "nightly-sync" of {@code acme}, created by alice. */
    public static final String ACME_SECRET = "gci_demo_acme_4fN8qT2wZ6yR1vK9mB3xL7pD";
    /** The secret of the demo token "pos-integration" of {@code globex}, created by bob. */
    public static final String GLOBEX_SECRET = "gci_demo_globex_8hJ2sW5cQ9nV3tY6rM1kF4gX";

    private static final Logger log = LoggerFactory.getLogger(DemoApiTokens.class);

    private final JdbcClient jdbc;
    private final ApiTokenRepository tokens;
    private final TenantScope scope;

    DemoApiTokens(JdbcClient jdbc, ApiTokenRepository tokens, TenantScope scope) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.scope = scope;
    }

    @EventListener
    void on(DemoDataCreated event) {
        create("acme", "alice", "nightly-sync", ACME_SECRET);
        create("globex", "bob", "pos-integration", GLOBEX_SECRET);
        log.info("Demo API tokens created: see docs/api.md");
    }

    private void create(String projectSlug, String username, String name, String secret) {
        long projectId = jdbc.sql("select id from project where slug = ?").param(projectSlug)
                .query(Long.class).single();
        long userId = jdbc.sql("select id from app_user where username = ?").param(username)
                .query(Long.class).single();
        scope.inProject(new ProjectId(projectId),
                () -> tokens.insert(new ProjectId(projectId), name, secret, new UserId(userId)));
    }
}

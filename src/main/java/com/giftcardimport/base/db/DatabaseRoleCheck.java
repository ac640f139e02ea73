package com.giftcardimport.base.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when row-level security would not hold for the application's own connections: when the
 * application's role is a superuser, has {@code BYPASSRLS}, or owns (or may become the owner of) a tenant table, or
 * when a table with a {@code project_id} column lacks enabled and forced row-level security. Runs after the
 * migrations and before the server takes requests. {@code app.database.require-restricted-role=false} turns the
 * refusal into a warning (for a database that cannot offer two roles; see docs/deployment.md).
 */
@Component
class DatabaseRoleCheck implements SmartInitializingSingleton {

    /** Tables with a project_id that are deliberately not tenant-scoped: login and the platform admin read them. */
    static final Set<String> NOT_TENANT_SCOPED = Set.of("membership");

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);

    private final JdbcClient jdbc;
    private final boolean required;

    DatabaseRoleCheck(JdbcClient jdbc, @Value("${app.database.require-restricted-role:true}") boolean required) {
        this.jdbc = jdbc;
        this.required = required;
    }

    /** What the application's connection is allowed to do that it should not. */
    record Findings(String role, List<String> problems) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        Findings findings = check();
        if (findings.problems().isEmpty()) {
            log.info("The application connects as '{}': it owns no table and cannot bypass row-level security",
                    findings.role());
            return;
        }
        String message = "Row-level security does not hold for the application's database role '" + findings.role()
                + "': " + String.join("; ", findings.problems()) + ". Connect the application as a role that owns "
                + "nothing (spring.datasource.username) and let Liquibase migrate as the owner "
                + "(spring.liquibase.user); see docs/deployment.md";
        if (required) {
            throw new IllegalStateException(message);
        }
        log.warn("{} (app.database.require-restricted-role=false: starting anyway)", message);
    }

    Findings check() {
        String role = jdbc.sql("select current_user").query(String.class).single();
        List<String> problems = new ArrayList<>();
        jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query(rs -> {
                    if (rs.getBoolean("rolsuper")) {
                        problems.add("it is a superuser");
                    }
                    if (rs.getBoolean("rolbypassrls")) {
                        problems.add("it has BYPASSRLS");
                    }
                });
        List<TenantTable> tables = tenantTables();
        if (tables.isEmpty()) {
            problems.add("no table with a project_id column was found in schema " + schema());
        }
        for (TenantTable table : tables) {
            if (!table.rowSecurity() || !table.forced()) {
                problems.add("table " + table.name() + " has no enabled and forced row-level security");
            }
            if (table.ownerRights() && !problems.contains("it is a superuser")) {
                problems.add("it owns table " + table.name() + " or may act as its owner");
            }
        }
        return new Findings(role, problems);
    }

    private record TenantTable(String name, boolean rowSecurity, boolean forced, boolean ownerRights) {
    }

    /** Every table of the current schema with a project_id column, except those that are not tenant-scoped. */
    private List<TenantTable> tenantTables() {
        return jdbc.sql("""
                        select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                               pg_has_role(current_user, c.relowner, 'MEMBER') as owner_rights
                          from pg_class c
                          join pg_attribute a on a.attrelid = c.oid and a.attname = 'project_id' and not a.attisdropped
                         where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                         order by c.relname
                        """)
                .query((rs, n) -> new TenantTable(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .list().stream()
                .filter(t -> !NOT_TENANT_SCOPED.contains(t.name()))
                .toList();
    }

    private String schema() {
        return jdbc.sql("select current_schema()").query(String.class).single();
    }
}

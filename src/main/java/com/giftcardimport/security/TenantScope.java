package com.giftcardimport.security;

import com.giftcardimport.project.ProjectId;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database half of "which project": the projects whose rows the current transaction may see and write.
 * PostgreSQL's row-level security (see {@code 040-row-level-security.sql}) shows a transaction only the rows of the
 * projects listed in the transaction-local setting {@value #SETTING}, and nothing at all when it is not set. The
 * setting ends with its transaction, so a pooled connection never carries it to the next one.
 *
 * <p>Who sets it: {@link CurrentTenant} on every check it makes inside a transaction (the services are
 * {@code @Transactional}, so their first line sets it), and background work (the import runner, the sweepers, demo
 * data) through {@link #inProject} with the project id it was given. Code that forgets sees no tenant row and cannot
 * write one.
 */
@Component
public class TenantScope {

    /** The transaction-local setting read by the row-level security policies. */
    public static final String SETTING = "app.project_ids";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    TenantScope(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * Lets the current transaction see and write the rows of exactly these projects (none for an empty list).
     *
     * @throws IllegalStateException outside a transaction: the setting would end with the statement
     */
    public void enter(Collection<ProjectId> projects) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The tenant scope is transaction-local: enter it inside a transaction");
        }
        set(ids(projects));
    }

    /** {@link #enter} when a transaction is active; without one there is nothing to scope (and nothing is seen). */
    void enterIfInTransaction(Collection<ProjectId> projects) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            set(ids(projects));
        }
    }

    /**
     * Runs {@code work} in a transaction that sees only {@code project}'s rows: a new one, or the caller's, whose
     * own scope is restored afterwards. For background work, which has no logged-in user and receives the project
     * id as a parameter.
     */
    public <T> T inProject(ProjectId project, Supplier<T> work) {
        return run(writing, project, work);
    }

    public void inProject(ProjectId project, Runnable work) {
        run(writing, project, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #inProject} in a read-only transaction. */
    public <T> T readInProject(ProjectId project, Supplier<T> work) {
        return run(reading, project, work);
    }

    private <T> T run(TransactionTemplate template, ProjectId project, Supplier<T> work) {
        return template.execute(status -> {
            String previous = status.isNewTransaction() ? null : current();
            set(ids(List.of(project)));
            boolean done = false;
            try {
                T result = work.get();
                done = true;
                return result;
            } finally {
                if (previous != null) {
                    restore(previous, done);
                }
            }
        });
    }

    private void restore(String previous, boolean afterSuccess) {
        try {
            set(previous);
        } catch (DataAccessException e) {
            if (afterSuccess) {
                throw e;
            }
            // the work failed and took the transaction down with it: nothing left to restore
        }
    }

    private String current() {
        String value = jdbc.queryForObject("select current_setting('" + SETTING + "', true)", String.class);
        return value == null ? "" : value;
    }

    private void set(String ids) {
        jdbc.queryForObject("select set_config('" + SETTING + "', ?, true)", String.class, ids);
    }

    private static String ids(Collection<ProjectId> projects) {
        return projects.stream().map(p -> Long.toString(p.value())).distinct().collect(Collectors.joining(","));
    }
}

package com.giftcardimport.importing;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Live progress for the import pages (members): subscriptions to {@link ImportProgressBus} limited to the projects
 * the caller may read. Remove a subscription when the view detaches.
 */
@Service
@Transactional(readOnly = true)
public class ImportProgressFeed {

    private final CurrentTenant current;
    private final ImportQueries queries;
    private final ImportProgressBus bus;

    ImportProgressFeed(CurrentTenant current, ImportQueries queries, ImportProgressBus bus) {
        this.current = current;
        this.queries = queries;
        this.bus = bus;
    }

    /** Progress of every import of the current project. */
    public ImportProgressBus.Subscription subscribe(Consumer<ImportProgress> listener) {
        Tenant tenant = current.enterAsMember();
        return bus.subscribeProject(tenant.projectId(), listener);
    }

    /** Progress of one import of the current project. */
    public ImportProgressBus.Subscription subscribeJob(ImportJobId id, Consumer<ImportProgress> listener) {
        ImportSummary job = queries.get(id);
        return bus.subscribeJob(job.id(), listener);
    }

    /** Progress of the imports of every project the logged-in person is a member of (the audit page). */
    public ImportProgressBus.Subscription subscribeAudit(Consumer<ImportProgress> listener) {
        List<ProjectId> projects = current.enterMemberProjects(null);
        List<ImportProgressBus.Subscription> subscriptions = projects.stream()
                .map(project -> bus.subscribeProject(project, listener)).toList();
        return () -> subscriptions.forEach(ImportProgressBus.Subscription::remove);
    }
}

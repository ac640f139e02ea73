package com.giftcardimport.importing.draft;

import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.security.CurrentTenant;
import com.giftcardimport.security.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wizard's draft of the logged-in project admin in the current project (docs/rules.md, "The wizard survives a
 * reload"): found again after a reload, saved at every step, discarded with its upload when the person cancels or
 * replaces it, dropped when the import is launched. A draft untouched for {@code app.import.draft-expiry} (24 hours)
 * is gone: it is no longer found, it no longer keeps its upload from the sweeper, and its row is deleted the next
 * time someone of the project opens the wizard.
 */
@Service
@Transactional
public class WizardDrafts {

    private final CurrentTenant current;
    private final DraftRepository drafts;
    private final FileStore files;
    private final ImportJobRepository jobs;
    private final Duration expiry;
    private final Clock clock;

    WizardDrafts(CurrentTenant current, DraftRepository drafts, FileStore files, ImportJobRepository jobs,
                 @Value("${app.import.draft-expiry:24h}") Duration expiry, ObjectProvider<Clock> clock) {
        this.current = current;
        this.drafts = drafts;
        this.files = files;
        this.jobs = jobs;
        this.expiry = expiry;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The person's draft, unless it expired. */
    public Optional<WizardDraft> find() {
        Tenant tenant = current.enterAsAdmin();
        drafts.deleteExpired(tenant.projectId(), cutoff());
        return drafts.find(tenant.projectId(), tenant.userId(), cutoff());
    }

    /** Keeps where the wizard stands. */
    public void save(WizardDraft draft) {
        Tenant tenant = current.enterAsAdmin();
        if (draft.file() != null && !draft.file().projectId().equals(tenant.projectId())) {
            throw new IllegalArgumentException("The upload belongs to another project");
        }
        drafts.save(tenant.projectId(), tenant.userId(), draft, clock.instant());
    }

    /** The person gave the draft up: it is deleted, and its upload unless an import uses it. */
    public void discard() {
        Tenant tenant = current.enterAsAdmin();
        drafts.delete(tenant.projectId(), tenant.userId()).ifPresent(fileId -> {
            if (!jobs.isFileReferenced(tenant.projectId(), fileId)) {
                files.delete(tenant.projectId(), fileId);
            }
        });
    }

    /** The import was launched: the draft is done; its upload now belongs to the import. */
    public void launched() {
        Tenant tenant = current.enterAsAdmin();
        drafts.delete(tenant.projectId(), tenant.userId());
    }

    private Instant cutoff() {
        return clock.instant().minus(expiry);
    }
}

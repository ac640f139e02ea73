package com.giftcardimport.importing.draft;

import com.giftcardimport.importing.file.FileReferences;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.TenantScope;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** An upload is in use while a draft that has not expired names it: the upload sweeper leaves it alone. */
@Component
class DraftFileReferences implements FileReferences {

    private final DraftRepository drafts;
    private final TenantScope scope;
    private final Duration expiry;
    private final Clock clock;

    DraftFileReferences(DraftRepository drafts, TenantScope scope,
                        @Value("${app.import.draft-expiry:24h}") Duration expiry, ObjectProvider<Clock> clock) {
        this.drafts = drafts;
        this.scope = scope;
        this.expiry = expiry;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Asked by the sweeper, which has no logged-in user: scopes its own read to the file's project. */
    @Override
    public boolean isReferenced(ProjectId projectId, String fileId) {
        return scope.readInProject(projectId,
                () -> drafts.refersTo(projectId, fileId, clock.instant().minus(expiry)));
    }
}

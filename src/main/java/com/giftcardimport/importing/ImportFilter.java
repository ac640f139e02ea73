package com.giftcardimport.importing;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.security.UserId;
import java.time.Instant;

/**
 * Which imports a list shows; every part is optional (null means any).
 *
 * @param project    only for the account managers' audit across projects; ignored by project lists
 * @param from       launched at or after
 * @param to         launched before
 */
public record ImportFilter(ImportStatus status, UserId launchedBy, Instant from, Instant to, ProjectId project) {

    public static final ImportFilter ALL = new ImportFilter(null, null, null, null, null);

    public ImportFilter(ImportStatus status, UserId launchedBy, Instant from, Instant to) {
        this(status, launchedBy, from, to, null);
    }

    public ImportFilter withStatus(ImportStatus status) {
        return new ImportFilter(status, launchedBy, from, to, project);
    }

    public ImportFilter withProject(ProjectId project) {
        return new ImportFilter(status, launchedBy, from, to, project);
    }
}

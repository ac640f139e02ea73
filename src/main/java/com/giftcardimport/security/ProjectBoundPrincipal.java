package com.giftcardimport.security;

import com.giftcardimport.project.ProjectId;

/**
 * A machine principal bound to exactly one project, such as an API token. It acts as a project admin of that
 * project and of no other.
 */
public interface ProjectBoundPrincipal {

    ProjectId projectId();

    /** The person answerable for the principal (for a token: who created it). */
    UserId responsibleUser();

    /** How the principal is shown as "launched by", e.g. {@code API token "nightly" (by Alice Admin)}. */
    String actorLabel();
}

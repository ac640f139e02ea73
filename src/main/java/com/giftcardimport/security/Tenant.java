package com.giftcardimport.security;

import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRole;

/**
 * The checked answer to "who is acting, in which project, with which role". Only {@link CurrentTenant} makes
 * one, from the authenticated principal; background jobs receive its parts as plain parameters.
 *
 * @param actorLabel how the actor is shown as "launched by"
 */
public record Tenant(ProjectId projectId, UserId userId, ProjectRole role, String actorLabel) {

    public boolean isAdmin() {
        return role == ProjectRole.PROJECT_ADMIN;
    }
}

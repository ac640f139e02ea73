package com.giftcardimport.project;

/** A user's role in one project, with the project's names for display. */
public record Membership(ProjectId projectId, String projectSlug, String projectName, long userId, ProjectRole role) {
}

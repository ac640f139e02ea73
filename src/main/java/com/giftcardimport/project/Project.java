package com.giftcardimport.project;

import java.time.Instant;

/** A tenant: one client's workspace. {@code slug} is its short, URL-safe name such as {@code acme}. */
public record Project(ProjectId id, String slug, String name, Instant createdAt) {
}

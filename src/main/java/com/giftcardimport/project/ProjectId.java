package com.giftcardimport.project;

/** The id of a project: a tenant, one client's own workspace. */
public record ProjectId(long value) {

    public static ProjectId of(long value) {
        return new ProjectId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

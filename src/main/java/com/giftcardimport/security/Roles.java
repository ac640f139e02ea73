package com.giftcardimport.security;

/** Role names as used in {@code @RolesAllowed} (Spring adds the {@code ROLE_} prefix). */
public final class Roles {
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String PROJECT_ADMIN = "PROJECT_ADMIN";
    public static final String ACCOUNT_MANAGER = "ACCOUNT_MANAGER";

    private Roles() {
    }
}

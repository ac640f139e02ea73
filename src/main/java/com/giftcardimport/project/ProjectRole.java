package com.giftcardimport.project;

/** What a member may do in one project (SPEC §1). Platform admin is a user-level flag, not a membership. */
public enum ProjectRole {
    /** Manages pools, launches and cancels imports, sees every import of the project. */
    PROJECT_ADMIN,
    /** Read-only audit of the project's imports; never launches, never sees a CVV. */
    ACCOUNT_MANAGER;

    public String label() {
        return switch (this) {
            case PROJECT_ADMIN -> "Project admin";
            case ACCOUNT_MANAGER -> "Account manager";
        };
    }
}

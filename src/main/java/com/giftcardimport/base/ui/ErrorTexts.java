package com.giftcardimport.base.ui;

/** The sentences of the error pages and notifications. */
final class ErrorTexts {

    static final String DENIED_TITLE = "Not allowed";
    static final String DENIED_TEXT = "Your role does not open this page. If you need it, ask an admin of your "
            + "project, or switch to a project where you have that role.";

    private ErrorTexts() {
    }

    /** The message shown for an unexpected error: the incident id finds its details in the server's log. */
    static String unexpected(String incident) {
        return "Something went wrong on our side. If it happens again, tell your administrator the incident number "
                + incident + ".";
    }
}

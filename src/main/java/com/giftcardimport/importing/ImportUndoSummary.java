package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.time.Instant;
import java.util.Locale;

/**
 * The undo of an import (SPEC §13), as the list, the result page, the audit and the API show it.
 *
 * @param totalCards  the cards the undo looks at: those the import created, or those whose status it changed
 * @param undoneCards cards deleted (undo of an add) or given their previous status back (undo of a status update)
 * @param keptCards   cards left as they are because they changed since the import; each listed with why
 * @param failureText why it failed as a key and arguments (null: it did not fail, or failed before the keys and
 *                    {@code failureMessage} has the English only)
 */
public record ImportUndoSummary(Status status, String requestedBy, Instant requestedAt, Instant finishedAt,
                                long totalCards, long undoneCards, long keptCards, String failureMessage,
                                Text failureText) {

    /** Why it failed, in {@code locale}: from its key where it was stored with one, else in its stored English. */
    public String failureMessageIn(Locale locale) {
        return failureText == null ? failureMessage : failureText.in(locale);
    }

    /** Where an undo is. */
    public enum Status {
        RUNNING("Undoing"), COMPLETED("Undone"), FAILED("Undo failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Between 0 and 1: the cards handled so far. */
    public double fraction() {
        if (status != Status.RUNNING || totalCards == 0) {
            return 1.0;
        }
        return Math.min(1.0, (double) (undoneCards + keptCards) / totalCards);
    }
}

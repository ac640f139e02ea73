package com.giftcardimport.importing;

import com.giftcardimport.card.CardNumberMask;
import com.giftcardimport.card.GiftCardStatus;
import java.math.BigDecimal;

/**
 * A card an undo left as it is, because it changed after the import (SPEC §13), and what it is now.
 *
 * @param action         what the undone import did: what "changed since" is measured from
 * @param statusChanged  its status changed since the import
 * @param balanceChanged its balance changed since the import (only an undo of added cards looks at it)
 */
public record KeptCard(String cardNumber, ImportAction action, boolean statusChanged, boolean balanceChanged,
                       GiftCardStatus status, BigDecimal balance) {

    /** The same card with its number masked, for those who may not see numbers whole (account managers). */
    public KeptCard withNumberMasked() {
        return new KeptCard(CardNumberMask.of(cardNumber), action, statusChanged, balanceChanged, status, balance);
    }

    /** Why the card was kept, in words for the result page and the API. */
    public String reason() {
        String since = action.createsCards() ? "since the import" : "again since this update";
        StringBuilder reason = new StringBuilder();
        if (statusChanged) {
            reason.append("Its status changed ").append(since).append(" (now ").append(status.label()).append(")");
        }
        if (balanceChanged) {
            reason.append(reason.isEmpty() ? "Its" : "; its").append(" balance changed ").append(since)
                    .append(" (now ").append(balance.toPlainString()).append(")");
        }
        return reason.toString();
    }
}

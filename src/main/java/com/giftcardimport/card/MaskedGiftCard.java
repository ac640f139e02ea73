package com.giftcardimport.card;

import com.giftcardimport.pool.PoolId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A gift card as it may be shown on screen: the card number masked and the CVV never revealed.
 *
 * @param maskedNumber the card number with all but its last characters replaced by bullets, e.g.
 *                     {@code ••••••5678} (see {@link GiftCardService#MASK})
 * @param hasCvv       whether a CVV is stored; it is shown as {@code •••} and never decrypted for a list
 * @param expiresAt    {@code null} when the card does not expire or has no purchase date yet
 */
public record MaskedGiftCard(GiftCardId id, PoolId poolId, String poolSystemName, String maskedNumber,
                             boolean hasCvv, BigDecimal balance, String pointOfContact, Instant purchasedAt,
                             Instant expiresAt, GiftCardStatus status, Instant createdAt) {

    /** What a screen shows in the CVV column: {@code •••} when there is a CVV, otherwise nothing. */
    public String cvvMask() {
        return hasCvv ? GiftCardService.CVV_MASK : "";
    }
}

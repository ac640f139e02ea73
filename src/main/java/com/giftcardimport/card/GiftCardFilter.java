package com.giftcardimport.card;

import com.giftcardimport.pool.PoolId;

/**
 * Which cards of the current project to list.
 *
 * @param pool   only the cards of this pool, or {@code null} for every pool
 * @param status only the cards with this status, or {@code null} for every status
 */
public record GiftCardFilter(PoolId pool, GiftCardStatus status) {

    public static GiftCardFilter all() {
        return new GiftCardFilter(null, null);
    }

    public GiftCardFilter withPool(PoolId pool) {
        return new GiftCardFilter(pool, status);
    }

    public GiftCardFilter withStatus(GiftCardStatus status) {
        return new GiftCardFilter(pool, status);
    }
}

package com.giftcardimport.card;

import com.giftcardimport.pool.PoolId;

/**
 * Which cards of the current project to list; every part is optional ({@code null} means any).
 *
 * @param pool      only the cards of this pool
 * @param status    only the cards with this status
 * @param importJob only the cards this import created (its number, as the imports list shows it)
 * @param number    only the cards with this number, or whose number starts with it
 */
public record GiftCardFilter(PoolId pool, GiftCardStatus status, Long importJob, CardNumberSearch number) {

    public GiftCardFilter(PoolId pool, GiftCardStatus status) {
        this(pool, status, null, null);
    }

    public static GiftCardFilter all() {
        return new GiftCardFilter(null, null, null, null);
    }

    public GiftCardFilter withPool(PoolId pool) {
        return new GiftCardFilter(pool, status, importJob, number);
    }

    public GiftCardFilter withStatus(GiftCardStatus status) {
        return new GiftCardFilter(pool, status, importJob, number);
    }

    public GiftCardFilter withImportJob(Long importJob) {
        return new GiftCardFilter(pool, status, importJob, number);
    }

    public GiftCardFilter withNumber(CardNumberSearch number) {
        return new GiftCardFilter(pool, status, importJob, number);
    }
}

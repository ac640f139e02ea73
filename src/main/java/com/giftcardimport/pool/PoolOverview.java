package com.giftcardimport.pool;

/**
 * A pool as listed on the Pools screen.
 *
 * @param hasCards whether any card exists in the pool; if so its value type, face value and validity are locked
 */
public record PoolOverview(Pool pool, boolean hasCards) {
}

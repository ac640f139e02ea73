package com.giftcardimport.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param page          the page number, from 0
 * @param totalElements how many items all pages hold together
 */
record PageResponse<T>(List<T> items, int page, int size, long totalElements, long totalPages) {

    static <T> PageResponse<T> of(List<T> items, Paging paging, long total) {
        return new PageResponse<>(items, paging.page(), paging.size(), total,
                (total + paging.size() - 1) / paging.size());
    }
}

package com.giftcardimport.api;

/** Page arithmetic shared by the paged endpoints. */
record Paging(int page, int size) {

    static Paging of(int page, int size) {
        if (page < 0) {
            throw new BadApiRequestException("page must be 0 or more");
        }
        if (size < 1 || size > ImportsApiController.MAX_PAGE_SIZE) {
            throw new BadApiRequestException("size must be between 1 and " + ImportsApiController.MAX_PAGE_SIZE);
        }
        return new Paging(page, size);
    }

    int offset() {
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw new BadApiRequestException("page is too large");
        }
        return (int) offset;
    }
}

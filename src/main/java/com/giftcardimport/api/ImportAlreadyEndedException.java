package com.giftcardimport.api;

import com.giftcardimport.importing.ImportStatus;

/** A cancel of an import that has already ended: a 409 problem. */
class ImportAlreadyEndedException extends RuntimeException {

    private final ImportStatus status;

    ImportAlreadyEndedException(ImportStatus status) {
        super("The import has already ended: " + status.label());
        this.status = status;
    }

    ImportStatus status() {
        return status;
    }
}

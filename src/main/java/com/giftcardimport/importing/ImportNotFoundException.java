package com.giftcardimport.importing;

/**
 * The import (or the uploaded file) does not exist in the current project: the same answer whether it never
 * existed or belongs to another project.
 */
public class ImportNotFoundException extends RuntimeException {

    public ImportNotFoundException(String what) {
        super(what + " not found");
    }
}

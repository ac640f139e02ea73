package com.giftcardimport.importing.file;

import org.springframework.modulith.NamedInterface;

/**
 * No stored file with this id in this project. Raised alike for an id that never existed, one that was deleted,
 * one that belongs to another project and one that is not a file id at all, so none of them can be told apart.
 */
@NamedInterface("upload-errors")
public class StoredFileNotFoundException extends RuntimeException {

    public StoredFileNotFoundException() {
        super("The uploaded file no longer exists: upload it again");
    }
}

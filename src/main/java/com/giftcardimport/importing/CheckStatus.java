package com.giftcardimport.importing;

/** Where a whole-file check is: reading the file, read to its end, or stopped by a file-level failure. */
public enum CheckStatus {
    RUNNING, COMPLETED, FAILED
}

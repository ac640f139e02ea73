package com.giftcardimport.importing.file;

import java.io.IOException;
import java.io.InputStream;

/** A stored file to read, wherever the storage keeps it: opened as a stream each time it is read, never held whole. */
public interface FileSource {

    /** Bytes stored. */
    long size() throws IOException;

    /** A new stream from the file's first byte; the caller closes it. */
    InputStream open() throws IOException;
}

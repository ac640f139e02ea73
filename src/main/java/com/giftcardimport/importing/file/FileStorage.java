package com.giftcardimport.importing.file;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where uploaded files are kept, reachable from every node (docs/decisions/file-storage.md): a local directory
 * ({@link LocalFileStorage}, the embedded default, also a volume shared by the nodes) or S3-compatible object storage
 * ({@link S3FileStorage}). Bytes go in and out as streams, never whole in memory. Keys are {@code /}-separated
 * relative names ({@code 12/<uuid>}); {@link FileStore} chooses them and keeps the product's rules (projects, ids,
 * size limit, sweeping).
 */
public interface FileStorage {

    /**
     * Streams {@code content} (read to its end, not closed) into a new object {@code key}. It appears whole or not at
     * all: when reading or writing fails, nothing is kept under {@code key}.
     *
     * @return the bytes stored
     */
    long write(String key, InputStream content) throws IOException;

    /**
     * A stream of the object's bytes from the first; the caller closes it.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such object
     */
    InputStream open(String key) throws IOException;

    /** The object's size, or empty when there is no such object. */
    OptionalLong size(String key) throws IOException;

    /** Deletes an object; answers whether there was one. */
    boolean delete(String key) throws IOException;

    /**
     * The keys of objects last written before {@code cutoff}, including what an interrupted write left behind (whose
     * key then differs from every {@link #write} key).
     */
    List<String> listOlderThan(Instant cutoff) throws IOException;

    /**
     * Ends what a killed writer left unfinished before {@code cutoff} that {@link #listOlderThan} cannot list (S3's
     * incomplete multipart uploads, whose parts take space but are no object); answers how many. Nothing by default:
     * a directory's partial files are listed.
     */
    default int abortIncompleteWritesBefore(Instant cutoff) throws IOException {
        return 0;
    }
}

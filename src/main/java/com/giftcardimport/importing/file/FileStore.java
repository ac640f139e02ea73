package com.giftcardimport.importing.file;

import com.giftcardimport.project.ProjectId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps uploaded files on disk under {@code ${app.data-dir}/uploads/<projectId>/<uuid>}. The upload is streamed
 * with a server-side size limit; the original name is metadata only. A scheduled sweeper removes files older than
 * {@code app.upload.abandoned-after} that no {@link FileReferences} claims.
 *
 * <p>Plain Java: no request or security context is used. The caller ({@code ImportService}) checks the role and
 * passes the project of the current tenant.
 */
@Component
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String PART = ".part";
    private static final int MAX_NAME_LENGTH = 255;

    private final Path uploads;
    private final long maxBytes;
    private final Duration abandonedAfter;
    private final ObjectProvider<FileReferences> references;
    private final Clock clock;

    @Autowired
    public FileStore(@Value("${app.data-dir}") Path dataDir,
                     @Value("${app.upload.max-size:2GB}") DataSize maxSize,
                     @Value("${app.upload.abandoned-after:6h}") Duration abandonedAfter,
                     ObjectProvider<FileReferences> references,
                     ObjectProvider<Clock> clock) {
        this(dataDir.resolve("uploads"), maxSize, abandonedAfter, references, clock.getIfAvailable(Clock::systemUTC));
    }

    /** For tests and plain use: every argument given. */
    public FileStore(Path uploadsDirectory, DataSize maxSize, Duration abandonedAfter,
                     ObjectProvider<FileReferences> references, Clock clock) {
        this.uploads = uploadsDirectory.toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
        this.abandonedAfter = abandonedAfter;
        this.references = references;
        this.clock = clock;
    }

    /** The size limit of one upload, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Streams {@code content} into a new file of {@code projectId}. The stream is read to its end (or to the limit)
     * but not closed.
     *
     * @throws FileTooLargeException when the content is over the limit; the partial file is deleted
     * @throws IOException           when the disk fails; the partial file is deleted
     */
    public StoredFile store(ProjectId projectId, String originalName, InputStream content) throws IOException {
        throw new UnsupportedOperationException("TODO");
    }

    /** Opens a stored file for reading. */
    public InputStream open(ProjectId projectId, String id) throws IOException {
        return Files.newInputStream(path(projectId, id));
    }

    /**
     * The path of a stored file of {@code projectId}.
     *
     * @throws StoredFileNotFoundException for an id that is not a file id of this store, a file of another project
     *                                     or a file that does not exist (any more)
     */
    public Path path(ProjectId projectId, String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Whether {@code id} names an existing file of {@code projectId}. */
    public boolean exists(ProjectId projectId, String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Deletes a stored file; returns whether there was one. Unknown or foreign ids are ignored. */
    public boolean delete(ProjectId projectId, String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Deletes every file (and every partial upload) older than {@code app.upload.abandoned-after} that no
     * {@link FileReferences} claims. Runs every {@code app.upload.sweep-interval} (default 15 minutes).
     *
     * @return how many files were deleted
     */
    @Scheduled(initialDelayString = "${app.upload.sweep-initial-delay:1m}",
            fixedDelayString = "${app.upload.sweep-interval:15m}")
    public int sweep() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The original file name made safe to keep and show: no directories, no control characters, not too long. */
    public static String sanitiseName(String originalName) {
        throw new UnsupportedOperationException("TODO");
    }
}

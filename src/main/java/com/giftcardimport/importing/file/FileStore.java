package com.giftcardimport.importing.file;

import com.giftcardimport.importing.sniff.FileSniffer;
import com.giftcardimport.project.ProjectId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps uploaded files in the {@link FileStorage} (a directory or an S3 bucket) under {@code <projectId>/<uuid>}.
 * The upload is streamed with a server-side size limit; the original name is metadata only. A sweeper (run by the job
 * engine) removes files older than {@code app.upload.abandoned-after} that no {@link FileReferences} claims.
 *
 * <p>Plain Java: no request or security context is used. The caller (an {@code importing} use case) checks the role
 * and passes the project of the current tenant.
 */
@Component
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_NAME_LENGTH = 255;
    /** How much of an upload's head {@link #receive} keeps in memory: what the detection reads. */
    public static final int HEAD_BYTES = FileSniffer.SAMPLE_BYTES;

    private final FileStorage storage;
    private final long maxBytes;
    private final Duration abandonedAfter;
    private final ObjectProvider<FileReferences> references;
    private final Clock clock;

    @Autowired
    public FileStore(FileStorage storage,
                     @Value("${app.upload.max-size:2GB}") DataSize maxSize,
                     @Value("${app.upload.abandoned-after:6h}") Duration abandonedAfter,
                     ObjectProvider<FileReferences> references,
                     ObjectProvider<Clock> clock) {
        this(storage, maxSize, abandonedAfter, references, clock.getIfAvailable(Clock::systemUTC));
    }

    /** For tests and plain use: every argument given. */
    public FileStore(FileStorage storage, DataSize maxSize, Duration abandonedAfter,
                     ObjectProvider<FileReferences> references, Clock clock) {
        this.storage = storage;
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
     * Streams {@code content} into a new file of {@code projectId}, in one pass: hashed (SHA-256) and its head kept on
     * the way. The stream is read to its end (or to the limit) but not closed.
     *
     * @throws FileTooLargeException when the content is over the limit; nothing is kept
     * @throws IOException           when the storage fails; nothing is kept
     */
    public ReceivedFile receive(ProjectId projectId, String originalName, InputStream content) throws IOException {
        return write(projectId, originalName, content, HEAD_BYTES);
    }

    /** {@link #receive} without keeping the head: for callers that read the file later, or never. */
    public StoredFile store(ProjectId projectId, String originalName, InputStream content) throws IOException {
        return write(projectId, originalName, content, 0).file();
    }

    private ReceivedFile write(ProjectId projectId, String originalName, InputStream content, int headBytes)
            throws IOException {
        if (projectId.value() <= 0) {
            throw new IllegalArgumentException("Not a project id: " + projectId);
        }
        String id = UUID.randomUUID().toString();
        HashingInputStream hashing = new HashingInputStream(new LimitedInputStream(content, maxBytes), headBytes);
        long size = storage.write(key(projectId, id), hashing);
        log.info("Stored upload {} of project {} ({} bytes)", id, projectId, size);
        StoredFile file = new StoredFile(id, projectId, sanitiseName(originalName), size, hashing.sha256(),
                clock.instant());
        return new ReceivedFile(file, hashing.head(), file(projectId, id));
    }

    /** Opens a stored file for reading. */
    public InputStream open(ProjectId projectId, String id) throws IOException {
        return file(projectId, id).open();
    }

    /**
     * A stored file of {@code projectId} to read.
     *
     * @throws StoredFileNotFoundException for an id that is not a file id of this store, a file of another project
     *                                     or a file that does not exist (any more)
     */
    public FileSource file(ProjectId projectId, String id) {
        String key = keyOrNull(projectId, id);
        long size;
        try {
            OptionalLong stored = key == null ? OptionalLong.empty() : storage.size(key);
            if (stored.isEmpty()) {
                throw new StoredFileNotFoundException();
            }
            size = stored.getAsLong();
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be read", e);
        }
        return new FileSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                try {
                    return storage.open(key);
                } catch (NoSuchFileException e) {
                    throw new StoredFileNotFoundException();
                }
            }
        };
    }

    /** Whether {@code id} names an existing file of {@code projectId}. */
    public boolean exists(ProjectId projectId, String id) {
        String key = keyOrNull(projectId, id);
        try {
            return key != null && storage.size(key).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("The storage could not be reached", e);
        }
    }

    /** Deletes a stored file; returns whether there was one. Unknown or foreign ids are ignored. */
    public boolean delete(ProjectId projectId, String id) {
        String key = keyOrNull(projectId, id);
        if (key == null) {
            return false;
        }
        try {
            boolean deleted = storage.delete(key);
            if (deleted) {
                log.info("Deleted upload {} of project {}", id, projectId);
            }
            return deleted;
        } catch (IOException e) {
            log.warn("Could not delete upload {} of project {}: {}", id, projectId, e.toString());
            return false;
        }
    }

    /**
     * Deletes every file (and every partial upload: a directory's {@code .part} file, an S3 incomplete multipart
     * upload) older than {@code app.upload.abandoned-after} that no {@link FileReferences} claims. The job engine
     * runs it every {@code app.upload.sweep-interval} (default 15 minutes), on one node at a time.
     *
     * @return how many files were deleted
     */
    public int sweep() {
        List<FileReferences> claims = references.orderedStream().toList();
        Instant cutoff = clock.instant().minus(abandonedAfter);
        int deleted = 0;
        try {
            for (String key : storage.listOlderThan(cutoff)) {
                if (abandoned(key, claims) && storage.delete(key)) {
                    deleted++;
                }
            }
            deleted += storage.abortIncompleteWritesBefore(cutoff);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not sweep uploads: {}", e.toString());
        }
        if (deleted > 0) {
            log.info("Swept {} abandoned upload(s)", deleted);
        }
        return deleted;
    }

    /** An old key of this store that nothing claims: a partial upload, or a file no import or wizard needs. */
    private static boolean abandoned(String key, List<FileReferences> claims) {
        int slash = key.indexOf('/');
        if (slash <= 0 || key.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        ProjectId projectId = projectIdOf(key.substring(0, slash));
        String name = key.substring(slash + 1);
        boolean partial = name.endsWith(LocalFileStorage.PART);
        String id = partial ? name.substring(0, name.length() - LocalFileStorage.PART.length()) : name;
        if (projectId == null || !ID.matcher(id).matches()) {
            return false;
        }
        return partial || claims.stream().noneMatch(claim -> claim.isReferenced(projectId, id));
    }

    /** The original file name made safe to keep and show: no directories, no control characters, not too long. */
    public static String sanitiseName(String originalName) {
        if (originalName == null) {
            return "upload";
        }
        String name = originalName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
                        && Character.getType(cp) != Character.UNASSIGNED)
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            int cut = MAX_NAME_LENGTH;
            if (Character.isLowSurrogate(name.charAt(cut))) {
                cut--;
            }
            name = name.substring(0, cut);
        }
        return name.isBlank() ? "upload" : name;
    }

    private static String key(ProjectId projectId, String id) {
        return projectId.value() + "/" + id;
    }

    /** The key of a file id of the project, or null when it is not an id of this store. */
    private static String keyOrNull(ProjectId projectId, String id) {
        if (projectId == null || projectId.value() <= 0 || id == null || !ID.matcher(id).matches()) {
            return null;
        }
        return key(projectId, id);
    }

    private static ProjectId projectIdOf(String name) {
        if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long id = Long.parseLong(name);
        return id > 0 ? ProjectId.of(id) : null;
    }
}

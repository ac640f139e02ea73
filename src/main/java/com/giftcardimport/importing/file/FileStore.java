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
 * <p>Plain Java: no request or security context is used. The caller (an {@code importing} use case) checks the role
 * and passes the project of the current tenant.
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
        Path directory = projectDirectory(projectId);
        Files.createDirectories(directory);
        String id = UUID.randomUUID().toString();
        Path part = directory.resolve(id + PART);
        long size = 0;
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new FileTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            Files.move(part, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Instant storedAt = clock.instant();
        log.info("Stored upload {} of project {} ({} bytes)", id, projectId, size);
        return new StoredFile(id, projectId, sanitiseName(originalName), size, storedAt);
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
        Path path = resolve(projectId, id);
        if (path == null || !Files.isRegularFile(path)) {
            throw new StoredFileNotFoundException();
        }
        return path;
    }

    /** Whether {@code id} names an existing file of {@code projectId}. */
    public boolean exists(ProjectId projectId, String id) {
        Path path = resolve(projectId, id);
        return path != null && Files.isRegularFile(path);
    }

    /** Deletes a stored file; returns whether there was one. Unknown or foreign ids are ignored. */
    public boolean delete(ProjectId projectId, String id) {
        Path path = resolve(projectId, id);
        if (path == null) {
            return false;
        }
        try {
            boolean deleted = Files.deleteIfExists(path);
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
     * Deletes every file (and every partial upload) older than {@code app.upload.abandoned-after} that no
     * {@link FileReferences} claims. Runs every {@code app.upload.sweep-interval} (default 15 minutes).
     *
     * @return how many files were deleted
     */
    @Scheduled(initialDelayString = "${app.upload.sweep-initial-delay:1m}",
            fixedDelayString = "${app.upload.sweep-interval:15m}")
    public int sweep() {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(abandonedAfter);
        FileReferences claims = references.getIfAvailable();
        int deleted = 0;
        try (Stream<Path> projects = Files.list(uploads)) {
            for (Path directory : (Iterable<Path>) projects::iterator) {
                ProjectId projectId = projectIdOf(directory);
                if (projectId == null) {
                    continue;
                }
                deleted += sweep(projectId, directory, cutoff, claims);
            }
        } catch (IOException e) {
            log.warn("Could not sweep uploads in {}: {}", uploads, e.toString());
        }
        if (deleted > 0) {
            log.info("Swept {} abandoned upload(s)", deleted);
        }
        return deleted;
    }

    private int sweep(ProjectId projectId, Path directory, Instant cutoff, FileReferences claims) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean partial = name.endsWith(PART);
                String id = partial ? name.substring(0, name.length() - PART.length()) : name;
                if (!ID.matcher(id).matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                FileTime modified = Files.getLastModifiedTime(file);
                if (!modified.toInstant().isBefore(cutoff)) {
                    continue;
                }
                if (!partial && claims != null && claims.isReferenced(projectId, id)) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (NoSuchFileException ignored) {
                    // deleted meanwhile
                }
            }
        }
        return deleted;
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

    private Path projectDirectory(ProjectId projectId) {
        if (projectId.value() <= 0) {
            throw new IllegalArgumentException("Not a project id: " + projectId);
        }
        return uploads.resolve(Long.toString(projectId.value()));
    }

    /** The path an id would have in the project's directory, or null when it is not an id of this store. */
    private Path resolve(ProjectId projectId, String id) {
        if (projectId == null || projectId.value() <= 0 || id == null || !ID.matcher(id).matches()) {
            return null;
        }
        Path path = projectDirectory(projectId).resolve(id).normalize();
        return path.startsWith(uploads) ? path : null;
    }

    private static ProjectId projectIdOf(Path directory) {
        String name = directory.getFileName().toString();
        if (!Files.isDirectory(directory) || name.isEmpty() || name.length() > 18
                || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long id = Long.parseLong(name);
        return id > 0 ? ProjectId.of(id) : null;
    }
}

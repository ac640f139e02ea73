package com.giftcardimport.importing.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files in a directory: {@code <directory>/<key>}. A write goes to {@code <key>.part} and is renamed when complete, so
 * a reader never sees half a file; a {@code .part} left by a crash is listed for the sweeper. With several nodes the
 * directory must be a volume they all mount. Uploaded files hold CVVs in clear: on a POSIX file system every file is
 * created owner-only ({@code 0600}) in owner-only directories ({@code 0700}, the storage's own directory included,
 * also when an earlier version created it more open); see docs/decisions/uploaded-files-at-rest.md.
 */
public class LocalFileStorage implements FileStorage {

    static final String PART = ".part";

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    public LocalFileStorage(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public long write(String key, InputStream content) throws IOException {
        Path target = resolve(key);
        ownerOnlyDirectory(directory);
        ownerOnlyDirectory(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + PART);
        try {
            long size;
            try (OutputStream out = posix(part) ? Files.newOutputStream(Files.createFile(part,
                    PosixFilePermissions.asFileAttribute(OWNER_FILE))) : Files.newOutputStream(part,
                    StandardOpenOption.CREATE_NEW)) {
                size = content.transferTo(out);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        Path path = resolve(key);
        return Files.isRegularFile(path) ? OptionalLong.of(Files.size(path)) : OptionalLong.empty();
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    @Override
    public List<String> listOlderThan(Instant cutoff) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    keys.add(directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                            "/"));
                }
            }
        }
        return keys;
    }

    /** Creates {@code dir} (and its parents) when missing, and makes it the owner's only, where the system can. */
    private static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir) && !Files.getPosixFilePermissions(dir).equals(OWNER_DIRECTORY)) {
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private Path resolve(String key) {
        Path path = directory.resolve(key).normalize();
        if (!path.startsWith(directory) || path.equals(directory)) {
            throw new IllegalArgumentException("Not a key of this storage: " + key);
        }
        return path;
    }
}

package com.giftcardimport.importing.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.project.ProjectId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 storage against a real S3-compatible server (S3Proxy, started as a process of its own). */
class S3FileStorageTest {

    static final String BUCKET = "gci-uploads";
    static final int PART = S3FileStorage.MIN_PART_SIZE;

    @TempDir
    static Path dir;
    static S3ProxyServer server;
    static S3Client s3;
    static S3FileStorage storage;

    @BeforeAll
    static void startServer() throws IOException {
        server = S3ProxyServer.start(dir);
        server.createBucket(BUCKET);
        s3 = server.client();
        storage = new S3FileStorage(s3, BUCKET, "uploads/", PART);
    }

    @AfterAll
    static void stopServer() {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_file_larger_than_a_part_goes_up_in_parts_and_comes_back_byte_for_byte_as_a_stream() throws Exception {
        long size = 2L * PART + 12_345;
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        long stored = storage.write("7/big", new DigestInputStream(new RandomBytes(size, 42), written));

        assertThat(stored).isEqualTo(size);
        assertThat(storage.size("7/big")).hasValue(size);
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(storage.open("7/big"), read)) {
            assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(size);
        }
        assertThat(read.digest()).isEqualTo(written.digest());
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("uploads/7/big")).eTag())
                .as("a multipart object's ETag names its parts").endsWith("-3\"");
    }

    @Test
    void a_write_that_fails_half_way_leaves_no_object() throws IOException {
        InputStream failing = new RandomBytes(3L * PART, 7) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > PART + 100) {
                    throw new IOException("the client went away");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> storage.write("7/broken", failing)).isInstanceOf(IOException.class);
        assertThat(storage.size("7/broken")).isEmpty();
        assertThatThrownBy(() -> storage.open("7/broken")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void small_files_are_listed_by_age_and_deleted() throws IOException {
        storage.write("8/small", new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(storage.size("8/small")).hasValue(8);

        assertThat(storage.listOlderThan(Instant.now().plusSeconds(60))).contains("8/small");
        assertThat(storage.listOlderThan(Instant.now().minusSeconds(3600))).doesNotContain("8/small");
        assertThat(storage.delete("8/small")).isTrue();
        assertThat(storage.delete("8/small")).isFalse();
        assertThat(storage.size("8/small")).isEmpty();
    }

    @Test
    void the_file_store_on_s3_keeps_nothing_of_an_upload_over_the_limit_and_sweeps_abandoned_files()
            throws IOException {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        FileStore store = new FileStore(storage, DataSize.ofBytes(PART + 10L), Duration.ofHours(6),
                beans.getBeanProvider(FileReferences.class), Clock.offset(Clock.systemUTC(), Duration.ofHours(7)));
        ProjectId project = ProjectId.of(9);

        assertThatThrownBy(() -> store.store(project, "big.csv", new RandomBytes(2L * PART, 1)))
                .isInstanceOf(FileTooLargeException.class);
        assertThat(storage.listOlderThan(Instant.now().plusSeconds(60))).noneMatch(key -> key.startsWith("9/"));

        StoredFile kept = store.store(project, "cards.csv", new ByteArrayInputStream(
                "Card,Pool\nA-1,flex\n".getBytes(StandardCharsets.UTF_8)));
        try (InputStream in = store.file(project, kept.id()).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("Card,Pool\nA-1,flex\n");
        }
        assertThat(store.sweep()).isEqualTo(1);   // seven hours later, with nobody claiming it
        assertThat(store.exists(project, kept.id())).isFalse();
    }

    @Test
    void the_sweeper_aborts_a_multipart_upload_a_killed_writer_left_unfinished() throws IOException {
        String key = "uploads/10/00000000-0000-0000-0000-00000000000a";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[PART]));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        FileStore now = new FileStore(storage, DataSize.ofMegabytes(100), Duration.ofHours(6),
                beans.getBeanProvider(FileReferences.class), Clock.systemUTC());
        FileStore later = new FileStore(storage, DataSize.ofMegabytes(100), Duration.ofHours(6),
                beans.getBeanProvider(FileReferences.class), Clock.offset(Clock.systemUTC(), Duration.ofHours(7)));

        now.sweep();
        assertThat(incompleteUploads()).as("younger than the grace period").contains(uploadId);

        later.sweep();
        assertThat(incompleteUploads()).doesNotContain(uploadId);
    }

    private static java.util.List<String> incompleteUploads() {
        return s3.listMultipartUploads(b -> b.bucket(BUCKET).prefix("uploads/")).uploads().stream()
                .map(software.amazon.awssdk.services.s3.model.MultipartUpload::uploadId).toList();
    }

    /** {@code size} pseudo-random bytes, made as they are read. */
    static class RandomBytes extends InputStream {
        private final long size;
        private final Random random;
        private long position;

        RandomBytes(long size, long seed) {
            this.size = size;
            this.random = new Random(seed);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            position += n;
            return n;
        }
    }
}

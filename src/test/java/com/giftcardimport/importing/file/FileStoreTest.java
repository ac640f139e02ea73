package com.giftcardimport.importing.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.project.ProjectId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

class FileStoreTest {

    static final ProjectId ACME = ProjectId.of(1);
    static final ProjectId GLOBEX = ProjectId.of(2);
    static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

    @TempDir
    Path dir;

    FileStore store(DataSize max, FileReferences references) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (references != null) {
            beans.addBean("references", references);
        }
        ObjectProvider<FileReferences> provider = beans.getBeanProvider(FileReferences.class);
        return new FileStore(new LocalFileStorage(dir.resolve("uploads")), max, Duration.ofHours(6), provider,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void an_upload_is_hashed_while_it_streams_in_and_its_head_is_read_back_without_the_storage() throws Exception {
        FileStore store = store(DataSize.ofMegabytes(8), null);
        byte[] content = new byte[FileStore.HEAD_BYTES + 1000];
        new java.util.Random(7).nextBytes(content);

        ReceivedFile received = store.receive(ACME, "cards.csv", new ByteArrayInputStream(content));

        assertThat(received.file().sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(received.size()).isEqualTo(content.length);
        try (InputStream whole = received.open()) {
            assertThat(whole.readAllBytes()).as("the head from memory, the rest from the storage").isEqualTo(content);
        }
        Files.delete(path(ACME, received.file().id()));
        try (InputStream head = received.open()) {
            assertThat(head.readNBytes(FileStore.HEAD_BYTES)).as("the head, with the stored file gone")
                    .isEqualTo(java.util.Arrays.copyOf(content, FileStore.HEAD_BYTES));
        }
    }

    @Test
    void files_are_owner_only_in_owner_only_folders_even_when_the_storage_folder_was_made_open_before()
            throws IOException {
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Files.setPosixFilePermissions(uploads, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        FileStore store = store(DataSize.ofMegabytes(1), null);

        StoredFile stored = store.store(ACME, "cards.csv", stream("Card,CVV\nA-1,123\n"));

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path(ACME, stored.id())))).isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path(ACME, stored.id()).getParent()))).isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads)))
                .isEqualTo("rwx------");
    }

    @Test
    void an_upload_is_streamed_under_a_generated_name_in_its_projects_folder() throws IOException {
        FileStore store = store(DataSize.ofMegabytes(1), null);
        StoredFile stored = store.store(ACME, "../../etc/passwd", stream("a,b\n1,2\n"));
        assertThat(stored.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(stored.projectId()).isEqualTo(ACME);
        assertThat(stored.originalName()).isEqualTo("passwd");
        assertThat(stored.size()).isEqualTo(8);
        assertThat(stored.storedAt()).isEqualTo(NOW);
        assertThat(path(ACME, stored.id())).exists();
        assertThat(store.file(ACME, stored.id()).size()).isEqualTo(8);
        try (InputStream in = store.open(ACME, stored.id())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
        }
    }

    @Test
    void the_original_name_is_metadata_only_and_made_safe() {
        assertThat(FileStore.sanitiseName("C:\\Users\\me\\cards.csv")).isEqualTo("cards.csv");
        assertThat(FileStore.sanitiseName("..")).isEqualTo("upload");
        assertThat(FileStore.sanitiseName(".hidden.csv")).isEqualTo("hidden.csv");
        assertThat(FileStore.sanitiseName("bad\u0000\nname\u202e.csv")).isEqualTo("badname.csv");
        assertThat(FileStore.sanitiseName("x".repeat(300) + ".csv")).hasSize(255);
        assertThat(FileStore.sanitiseName(null)).isEqualTo("upload");
        assertThat(FileStore.sanitiseName("Карты май.csv")).isEqualTo("Карты май.csv");
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_and_nothing_is_kept() throws IOException {
        FileStore store = store(DataSize.ofBytes(1000), null);
        assertThatThrownBy(() -> store.store(ACME, "big.csv", new ByteArrayInputStream(new byte[1001])))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessageContaining("larger than the limit of 1000 bytes");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(store.store(ACME, "ok.csv", new ByteArrayInputStream(new byte[1000])).size()).isEqualTo(1000);
    }

    @Test
    void the_limit_message_names_the_configured_size() {
        assertThat(new FileTooLargeException(DataSize.ofGigabytes(2).toBytes()).getMessage())
                .isEqualTo("The file is larger than the limit of 2 GB: split it into smaller files");
    }

    @Test
    void ids_that_are_not_generated_names_are_refused_so_no_path_can_escape() throws IOException {
        FileStore store = store(DataSize.ofMegabytes(1), null);
        Files.createDirectories(dir.resolve("uploads/1"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        for (String id : new String[] {"../../secret.txt", "..", "/etc/passwd", "", "secret.txt",
                "00000000-0000-0000-0000-000000000000/../../../secret.txt", "%2e%2e%2fsecret.txt", null}) {
            assertThatThrownBy(() -> store.file(ACME, id)).isInstanceOf(StoredFileNotFoundException.class);
            assertThatThrownBy(() -> store.open(ACME, id)).isInstanceOf(StoredFileNotFoundException.class);
            assertThat(store.exists(ACME, id)).isFalse();
            assertThat(store.delete(ACME, id)).isFalse();
        }
        assertThat(dir.resolve("secret.txt")).exists();
    }

    @Test
    void a_file_of_another_project_behaves_like_one_that_does_not_exist() throws IOException {
        FileStore store = store(DataSize.ofMegabytes(1), null);
        StoredFile stored = store.store(ACME, "cards.csv", stream("a\n"));
        assertThat(store.exists(GLOBEX, stored.id())).isFalse();
        assertThatThrownBy(() -> store.file(GLOBEX, stored.id()))
                .isInstanceOf(StoredFileNotFoundException.class)
                .hasMessage(new StoredFileNotFoundException().getMessage());
        assertThat(store.delete(GLOBEX, stored.id())).isFalse();
        assertThat(store.exists(ACME, stored.id())).isTrue();
    }

    @Test
    void a_deleted_file_is_gone() throws IOException {
        FileStore store = store(DataSize.ofMegabytes(1), null);
        StoredFile stored = store.store(ACME, "cards.csv", stream("a\n"));
        assertThat(store.delete(ACME, stored.id())).isTrue();
        assertThat(store.exists(ACME, stored.id())).isFalse();
        assertThat(store.delete(ACME, stored.id())).isFalse();
    }

    @Test
    void the_sweeper_deletes_old_files_nobody_references_and_keeps_the_rest() throws IOException {
        StoredFile[] kept = new StoredFile[1];
        FileStore store = store(DataSize.ofMegabytes(1),
                (project, id) -> project.equals(ACME) && id.equals(kept[0].id()));
        StoredFile abandoned = store.store(ACME, "a.csv", stream("a\n"));
        kept[0] = store.store(ACME, "b.csv", stream("b\n"));
        StoredFile fresh = store.store(GLOBEX, "c.csv", stream("c\n"));
        StoredFile abandonedElsewhere = store.store(GLOBEX, "d.csv", stream("d\n"));
        Path stray = dir.resolve("uploads/1/0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b.part");
        Files.writeString(stray, "partial");
        Path foreign = dir.resolve("uploads/1/keep-me.txt");
        Files.writeString(foreign, "not ours");
        FileTime old = FileTime.from(NOW.minus(Duration.ofHours(7)));
        for (Path path : new Path[] {path(ACME, abandoned.id()), path(ACME, kept[0].id()),
                path(GLOBEX, abandonedElsewhere.id()), stray, foreign}) {
            Files.setLastModifiedTime(path, old);
        }
        Files.setLastModifiedTime(path(GLOBEX, fresh.id()), FileTime.from(NOW.minus(Duration.ofHours(5))));

        assertThat(store.sweep()).isEqualTo(3);

        assertThat(store.exists(ACME, abandoned.id())).isFalse();
        assertThat(store.exists(GLOBEX, abandonedElsewhere.id())).isFalse();
        assertThat(stray).doesNotExist();
        assertThat(store.exists(ACME, kept[0].id())).isTrue();
        assertThat(store.exists(GLOBEX, fresh.id())).isTrue();
        assertThat(foreign).exists();
    }

    @Test
    void without_a_references_bean_every_old_file_counts_as_abandoned() throws IOException {
        FileStore store = store(DataSize.ofMegabytes(1), null);
        StoredFile stored = store.store(ACME, "a.csv", stream("a\n"));
        Files.setLastModifiedTime(path(ACME, stored.id()), FileTime.from(NOW.minus(Duration.ofDays(1))));
        assertThat(store.sweep()).isEqualTo(1);
        assertThat(Set.of(store.exists(ACME, stored.id()))).containsExactly(false);
    }

    /** Where the local storage keeps a project's file. */
    Path path(ProjectId project, String id) {
        return dir.resolve("uploads").resolve(Long.toString(project.value())).resolve(id);
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

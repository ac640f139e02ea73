package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.base.RawHttp;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.importing.HostileFiles;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code POST /api/v1/imports} takes the file from the request straight into the upload storage, in one pass: the
 * servlet container spools nothing, and the storage is being written while the request is still arriving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StreamingUploadTest {

    private static final long MB = 1 << 20;

    @LocalServerPort
    int port;
    @Value("${app.data-dir}")
    Path dataDir;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    ServletContext servletContext;

    @Test
    void the_file_streams_into_the_upload_storage_while_the_request_is_still_arriving_and_nothing_is_spooled()
            throws Exception {
        long acmeId = jdbc.sql("select id from project where slug = 'acme'").query(Long.class).single();
        Path uploads = dataDir.resolve("uploads").resolve(Long.toString(acmeId));
        Path containerTemp = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        List<Path> containerTempBefore = files(containerTemp);
        String rows = HostileFiles.validCsv("STREAM" + System.nanoTime(), 100)
                .substring(HostileFiles.HEADER.length() + 1);
        AtomicReference<String> whileSending = new AtomicReference<>("not looked at");

        RawHttp.Body body = sink -> {
            sink.write(("--" + RawHttp.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"stream.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            RawHttp.rawFile(HostileFiles.HEADER, rows, 4 * MB).writeTo(sink);
            // the body is not complete yet: the server must already be writing the file into the storage
            whileSending.set(partialUploadSeen(uploads));
            if (!files(containerTemp).equals(containerTempBefore)) {
                whileSending.set("the servlet container spooled: " + files(containerTemp));
            }
            sink.write(rows.getBytes(StandardCharsets.UTF_8));
            sink.write(("\r\n--" + RawHttp.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        };
        RawHttp.Response response = RawHttp.send(port, RawHttp.multipartHead("/api/v1/imports",
                "Authorization: Bearer " + DemoApiTokens.ACME_SECRET + "\r\nTransfer-Encoding: chunked\r\n"), body,
                true);

        assertThat(whileSending.get()).isEqualTo("a partial upload of 2 MB or more");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        awaitEnd(response.body());
    }

    /** The import the upload launched ends before the next test measures the server's work. */
    private void awaitEnd(String created) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created);
        assertThat(id.find()).as(created).isTrue();
        await("the streamed import's end").atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("select status from import_job where id = ?").param(Long.parseLong(id.group(1)))
                        .query(String.class).single(), status -> !status.equals("QUEUED") && !status.equals("RUNNING"));
    }

    private static String partialUploadSeen(Path uploads) {
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> files(uploads)
                    .stream().anyMatch(f -> f.toString().endsWith(".part") && sizeOf(f) >= 2 * MB));
            return "a partial upload of 2 MB or more";
        } catch (ConditionTimeoutException e) {
            return "nothing in the upload storage while the request was arriving: " + files(uploads);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

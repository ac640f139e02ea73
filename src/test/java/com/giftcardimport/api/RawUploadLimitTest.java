package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.RawHttp;
import com.giftcardimport.importing.HostileFiles;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.giftcardimport.base.db.OwnerJdbc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The upload limit holds for requests no browser component shaped: hand-written HTTP on a raw socket, with chunked
 * transfer (no length announced), a Content-Length that lies low or high, and a body far over the limit. The
 * server refuses, keeps no file (neither in the upload storage nor in the servlet container's temporary
 * directory), creates no import, and goes on serving. Same limit as {@link ImportUploadLimitTest} (1 KB), so both
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.upload.max-size=1KB")
@ActiveProfiles("test")
class RawUploadLimitTest {

    @LocalServerPort
    int port;
    @Value("${app.data-dir}")
    Path dataDir;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    ServletContext servletContext;

    ApiClient acme;
    long importsBefore;
    Set<String> storedBefore;
    Set<String> containerTempBefore;

    @BeforeEach
    void before() throws IOException {
        acme = new ApiClient(port, DemoApiTokens.ACME_SECRET);
        importsBefore = importCount();
        storedBefore = storedFiles();
        containerTempBefore = containerTempFiles();
    }

    @Test
    void a_chunked_upload_over_the_limit_is_refused_with_413_and_nothing_is_kept() throws Exception {
        RawHttp.Response response = send(headers("Transfer-Encoding: chunked"), 1536 * 1024, true);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.body()).contains("File too large").contains("1 KB");
        assertNothingKeptAndStillServing();
    }

    @Test
    void a_chunked_upload_far_over_the_limit_is_cut_off_long_before_its_end() throws Exception {
        long body = 256L << 20;

        RawHttp.Response response = send(headers("Transfer-Encoding: chunked"), body, true);

        assertThat(response.bytesSent()).as(response.toString()).isLessThan(body);
        assertThat(response.status()).as(response.toString()).isIn(413, -1);
        assertNothingKeptAndStillServing();
    }

    @Test
    void a_content_length_that_announces_less_than_is_sent_makes_the_server_read_only_that_much() throws Exception {
        RawHttp.Response response = send(headers("Content-Length: 600"), 4L << 20, false);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).contains("not a readable multipart/form-data upload");
        assertNothingKeptAndStillServing();
    }

    @Test
    void a_content_length_that_announces_more_than_is_sent_is_refused_once_the_part_passes_the_limit()
            throws Exception {
        RawHttp.Response response = send(headers("Content-Length: 3000000000"), 1536 * 1024, false);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertNothingKeptAndStillServing();
    }

    @Test
    void a_content_length_within_the_limit_around_a_part_over_it_cannot_smuggle_the_part_in() throws Exception {
        // the announced length fits the limit, the multipart body inside does not: the server reads the announced
        // bytes only, so the part is cut, the upload unreadable, and the rest of the bytes are not a request
        RawHttp.Response response = send(headers("Content-Length: 1000"), 64 * 1024, false);

        assertThat(response.status()).as(response.toString()).isIn(400, 413);
        assertNothingKeptAndStillServing();
    }

    @Test
    void an_anonymous_upload_to_a_screen_url_is_refused_before_its_body_is_read() throws Exception {
        String head = RawHttp.multipartHead("/VAADIN/dynamic/resource/1/00000000-0000-0000-0000-000000000000/upload",
                "Transfer-Encoding: chunked\r\n");

        RawHttp.Response response = send(head, 1536 * 1024, true);

        // nobody logged in must announce the body's length (security/RequestBodyLimitFilter)
        assertThat(response.status()).as(response.toString()).isEqualTo(411);
        assertNothingKeptAndStillServing();
    }

    // ------------------------------------------------------------------ raw HTTP

    private static String headers(String lengthHeader) {
        return RawHttp.multipartHead("/api/v1/imports", "Authorization: Bearer " + DemoApiTokens.ACME_SECRET + "\r\n"
                + lengthHeader + "\r\n");
    }

    /** A multipart upload of {@code fileBytes} of valid CSV rows after {@code head}. */
    private RawHttp.Response send(String head, long fileBytes, boolean chunked) throws Exception {
        String rows = HostileFiles.validCsv("RAW", 100).substring(HostileFiles.HEADER.length() + 1);
        return RawHttp.send(port, head, HostileFiles.HEADER, rows, fileBytes, chunked);
    }

    // ------------------------------------------------------------------ what must not be left

    private void assertNothingKeptAndStillServing() throws IOException {
        assertThat(importCount()).as("imports").isEqualTo(importsBefore);
        assertThat(storedFiles()).as("nothing new in the upload storage (files of ended imports go)")
                .isSubsetOf(storedBefore);
        assertThat(containerTempFiles()).as("files in the servlet container's temporary directory")
                .isSubsetOf(containerTempBefore);
        var created = acme.postMultipart("/api/v1/imports", java.util.Map.of("file",
                ApiClient.FilePart.csv("small.csv", HostileFiles.validCsv("RAWOK" + System.nanoTime(), 2))),
                java.util.Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        importsBefore++;
        storedBefore = storedFiles();
    }

    private long importCount() {
        return acme.get("/api/v1/imports?size=1").json().get("totalElements").asLong();
    }

    private Set<String> storedFiles() throws IOException {
        long acmeId = jdbc.sql("select id from project where slug = 'acme'").query(Long.class).single();
        return listRecursively(dataDir.resolve("uploads").resolve(Long.toString(acmeId)));
    }

    /** Where Tomcat spools multipart parts over the in-memory threshold. */
    private Set<String> containerTempFiles() throws IOException {
        File temp = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        return listRecursively(temp.toPath());
    }

    private static Set<String> listRecursively(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toSet());
        }
    }
}

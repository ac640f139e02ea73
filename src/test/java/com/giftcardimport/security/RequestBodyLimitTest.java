package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.DemoApiTokens;
import com.giftcardimport.base.RawHttp;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * SPEC §10: no request that is not authenticated makes the server read or store more than a few kilobytes of body,
 * whatever the spelling of its path. Over a raw socket, each request announces a body of 200 MB and then sends it
 * slowly; the server must answer before the client has sent a few kilobytes, and keep nothing. A server that reads
 * the body first would answer after 200 MB, or never.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestBodyLimitTest {

    static final long ANNOUNCED = 200L << 20;
    static final long SENT_AT_MOST = 2L << 20;
    static final long FEW_KB = 16 * 1024;

    @LocalServerPort
    int port;
    @Value("${app.data-dir}")
    Path dataDir;
    @Autowired
    ServletContext servletContext;

    Set<String> filesBefore;

    @BeforeEach
    void before() throws IOException {
        filesBefore = keptFiles();
    }

    @Test
    void a_path_that_is_not_canonical_is_refused_with_400_before_its_body_is_read() throws Exception {
        for (String path : List.of("/api/../login", "/api/%2e%2e/login", "/api/%2E%2E/login", "/api/..;/login",
                "/api/.%2e/login", "/api;x=1/v1/imports", "/api/v1/imports;jsessionid=1", "/api/v1%2fimports",
                "/api/v1/..%2flogin", "//login", "/./login", "/api/v1/%252e%252e/login", "/login%00")) {
            RawHttp.SlowResponse response = RawHttp.sendSlowly(port, multipartHead(path, ""), SENT_AT_MOST);

            assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
            assertThat(response.sentBeforeAnswer()).as(path + ": " + response).isLessThan(FEW_KB);
        }
        assertNothingKept();
    }

    @Test
    void an_anonymous_request_announcing_a_large_body_is_refused_with_413_before_it_is_read() throws Exception {
        for (String path : List.of("/login", "/", "/api/v1/imports", "/api/v1/pools",
                "/VAADIN/dynamic/resource/1/00000000-0000-0000-0000-000000000000/upload", "/no-such-page")) {
            RawHttp.SlowResponse response = RawHttp.sendSlowly(port, multipartHead(path, ""), SENT_AT_MOST);

            assertThat(response.status()).as(path + ": " + response).isEqualTo(413);
            assertThat(response.sentBeforeAnswer()).as(path + ": " + response).isLessThan(FEW_KB);
        }
        assertNothingKept();
    }

    @Test
    void an_anonymous_body_without_an_announced_length_is_refused_before_it_is_read() throws Exception {
        for (String path : List.of("/login", "/", "/api/v1/imports")) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                    + "boundary=" + RawHttp.BOUNDARY + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            RawHttp.SlowResponse response = RawHttp.sendSlowly(port, head, SENT_AT_MOST);

            assertThat(response.status()).as(path + ": " + response).isEqualTo(411);
            assertThat(response.sentBeforeAnswer()).as(path + ": " + response).isLessThan(FEW_KB);
        }
        assertNothingKept();
    }

    @Test
    void a_wrong_api_token_cannot_make_the_server_read_an_upload() throws Exception {
        RawHttp.SlowResponse response = RawHttp.sendSlowly(port,
                multipartHead("/api/v1/imports", "Authorization: Bearer gci_not_a_token\r\n"), SENT_AT_MOST);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.sentBeforeAnswer()).as(response.toString()).isLessThan(FEW_KB);
        assertNothingKept();
    }

    @Test
    void an_authenticated_request_that_is_not_an_upload_has_a_limit_too() throws Exception {
        String head = "POST /api/v1/pools HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + DemoApiTokens.ACME_SECRET + "\r\nContent-Type: application/json\r\nContent-Length: " + (2L << 20)
                + "\r\nConnection: close\r\n\r\n";

        RawHttp.SlowResponse response = RawHttp.sendSlowly(port, head, SENT_AT_MOST);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.sentBeforeAnswer()).as(response.toString()).isLessThan(FEW_KB);
    }

    private static String multipartHead(String path, String extraHeaders) {
        return RawHttp.multipartHead(path, extraHeaders + "Content-Length: " + ANNOUNCED + "\r\n");
    }

    private void assertNothingKept() throws IOException {
        assertThat(keptFiles()).as("files in the upload storage and the container's temporary directory")
                .isSubsetOf(filesBefore);
    }

    private Set<String> keptFiles() throws IOException {
        File temp = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        return Stream.concat(list(temp.toPath()).stream(), list(dataDir.resolve("uploads")).stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toSet());
        }
    }
}

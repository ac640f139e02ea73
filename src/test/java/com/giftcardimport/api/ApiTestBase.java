package com.giftcardimport.api;

import static org.awaitility.Awaitility.await;

import com.giftcardimport.api.ApiClient.FilePart;
import com.giftcardimport.api.ApiClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * What the API tests share: the app over real HTTP on a random port (one Spring context for all of them), a client
 * with the demo token of {@code acme} and one of {@code globex}, and the calls around an import they all make.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class ApiTestBase {

    static final String ACME_TOKEN_LABEL = "API token \"nightly-sync\" (by Alice Admin)";
    /** The longest a test waits for an import to end (a loaded CI machine included). */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    ApiClient acme;
    ApiClient globex;

    @BeforeEach
    void clients() {
        acme = new ApiClient(port, DemoApiTokens.ACME_SECRET);
        globex = new ApiClient(port, DemoApiTokens.GLOBEX_SECRET);
    }

    /** {@code POST /api/v1/imports} of {@code csv} as acme, with the other parts given. */
    Response importFile(String name, String csv, Map<String, Object> otherParts) {
        return importFile(name, csv, otherParts, Map.of());
    }

    Response importFile(String name, String csv, Map<String, Object> otherParts, Map<String, String> headers) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("file", FilePart.csv(name, csv));
        parts.putAll(otherParts);
        return acme.postMultipart("/api/v1/imports", parts, headers);
    }

    /** How many imports acme's list has. */
    long importCount() {
        return acme.get("/api/v1/imports?size=1").json().get("totalElements").asLong();
    }

    /** Waits until acme's import {@code id} is neither queued nor running, and answers it. */
    JsonNode awaitEnd(long id) {
        return await("the end of import " + id).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> acme.get("/api/v1/imports/" + id).json(),
                        job -> !job.get("status").asString().equals("QUEUED")
                                && !job.get("status").asString().equals("RUNNING"));
    }

    /** Writes an answer to {@code target/api-examples/} (the examples of {@code docs/api.md} come from there). */
    static void example(String name, JsonNode body) {
        try {
            Path dir = Path.of("target", "api-examples");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), body.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of {@code rows} valid cards of the pool {@code flex}, numbered {@code prefix-1}… */
    static String validCsv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("Card number,Pool system name,Card balance\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(prefix).append('-').append(i).append(",flex,").append(i % 100).append(".50\n");
        }
        return csv.toString();
    }

    /** A prefix no other test's card numbers have (the database is shared by every test of the JVM). */
    static String unique() {
        return "api" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}

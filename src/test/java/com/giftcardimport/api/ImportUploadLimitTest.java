package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.ApiClient.FilePart;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.upload.max-size=1KB")
@ActiveProfiles("test")
class ImportUploadLimitTest {

    @LocalServerPort
    int port;

    @Test
    void an_upload_over_the_size_limit_is_refused_by_the_server_with_413_and_creates_no_job() {
        ApiClient acme = new ApiClient(port, DemoApiTokens.ACME_SECRET);
        long before = acme.get("/api/v1/imports?size=1").json().get("totalElements").asLong();
        String csv = ApiTestBase.validCsv(ApiTestBase.unique(), 200);
        assertThat(csv.length()).isGreaterThan(4 * 1024);

        var response = acme.postMultipart("/api/v1/imports", Map.of("file", FilePart.csv("big.csv", csv)), Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("1 KB");
        assertThat(response.json().get("maxBytes").asLong()).isEqualTo(1024);
        assertThat(acme.get("/api/v1/imports?size=1").json().get("totalElements").asLong()).isEqualTo(before);
    }

    @Test
    void an_upload_within_the_limit_is_accepted() {
        ApiClient acme = new ApiClient(port, DemoApiTokens.ACME_SECRET);

        var response = acme.postMultipart("/api/v1/imports",
                Map.of("file", FilePart.csv("small.csv", ApiTestBase.validCsv(ApiTestBase.unique(), 3))),
                Map.of());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}

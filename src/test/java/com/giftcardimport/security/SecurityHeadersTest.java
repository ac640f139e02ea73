package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC §10, over real HTTP: the headers of every page, the session cookie's flags directly and behind a TLS proxy
 * (X-Forwarded-Proto from a trusted proxy, here loopback), and an OpenAPI document that names its configured server
 * whatever Host a request sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.api.server-url=https://giftcards.example")
@ActiveProfiles("test")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void html_pages_carry_a_content_security_policy_nosniff_and_a_referrer_policy() throws Exception {
        for (String path : List.of("/login", "/")) {
            HttpResponse<String> response = get(path, false);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        assertThat(get("/login", false).headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_secure_behind_a_tls_proxy() throws Exception {
        String direct = sessionCookie(get("/login", false));
        String behindTls = sessionCookie(get("/login", true));

        assertThat(direct).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        assertThat(behindTls).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
    }

    @Test
    void behind_a_tls_proxy_redirects_go_to_https() throws Exception {
        HttpResponse<String> response = get("/pools", true);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).startsWith("https://");
    }

    @Test
    void the_openapi_document_names_the_configured_server_not_the_requests_host() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v3/api-docs"))
                .header("X-Forwarded-Host", "evil.example").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(response.body()).get("servers").get(0).get("url").asString())
                .isEqualTo("https://giftcards.example");
        assertThat(response.body()).doesNotContain("evil.example");
    }

    private HttpResponse<String> get(String path, boolean behindTls) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (behindTls) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

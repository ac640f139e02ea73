package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.DemoApiTokens;
import com.giftcardimport.base.DemoData;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The browser side and the API side over real HTTP: a logged-in browser session cannot be made to post without the
 * CSRF token, and a browser session is no key to the API, which wants a bearer token and keeps no session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityTest {

    @LocalServerPort
    int port;

    HttpClient browser;

    @BeforeEach
    void aBrowserWithCookies() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void a_logged_in_session_cannot_post_without_the_csrf_token() throws Exception {
        assertThat(send(get("/pools")).statusCode()).as("before logging in").isNotEqualTo(200);
        logIn("alice");
        assertThat(send(get("/pools")).statusCode()).isEqualTo(200);

        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(send(get("/pools")).statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void a_browser_session_is_no_key_to_the_api() throws Exception {
        logIn("alice");

        assertThat(send(get("/api/v1/pools")).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/pools")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(401);
    }

    @Test
    void the_api_keeps_no_session_and_sets_no_cookie() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/pools")
                .header("Authorization", "Bearer " + DemoApiTokens.ACME_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    private void logIn(String username) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

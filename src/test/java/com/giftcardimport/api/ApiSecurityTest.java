package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.db.OwnerJdbc;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    OwnerJdbc jdbc;

    @Test
    void a_request_without_a_token_gets_401_as_a_problem_detail() {
        var response = new ApiClient(port, null).get("/api/v1/pools");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("Authorization: Bearer");
        assertThat(response.headers().get("www-authenticate")).anySatisfy(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers()).doesNotContainKey("set-cookie");
    }

    @Test
    void an_unknown_token_gets_401() {
        var response = new ApiClient(port, "gci_" + UUID.randomUUID()).get("/api/v1/imports");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("The API token is unknown or has been revoked");
    }

    @Test
    void a_revoked_token_gets_401() {
        String secret = ApiTokenSecrets.generate();
        long tokenId = insertToken("acme", "alice", secret);
        var client = new ApiClient(port, secret);
        var before = client.get("/api/v1/pools");
        assertThat(before.status()).as(before.toString()).isEqualTo(200);

        jdbc.sql("update api_token set revoked_at = now() where id = ?").param(tokenId).update();

        var response = client.get("/api/v1/pools");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void credentials_other_than_a_bearer_token_are_refused_with_401() {
        var response = new ApiClient(port, null).postRaw("/api/v1/pools",
                java.net.http.HttpRequest.newBuilder()
                        .header("Authorization", "Basic YWxpY2U6cGFzc3dvcmQ=")
                        .GET());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void a_token_is_noted_as_used() {
        String secret = ApiTokenSecrets.generate();
        long tokenId = insertToken("acme", "alice", secret);

        new ApiClient(port, secret).get("/api/v1/pools");

        assertThat(jdbc.sql("select last_used_at is not null from api_token where id = ?").param(tokenId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void the_openapi_description_is_public_and_describes_the_bearer_scheme_and_only_the_api() {
        var response = new ApiClient(port, null).get("/v3/api-docs");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode api = response.json();
        assertThat(api.at("/components/securitySchemes/apiToken/scheme").asString()).isEqualTo("bearer");
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/pools", "/api/v1/pools/{id}")
                .allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void the_swagger_ui_is_reachable_without_logging_in() {
        var response = new ApiClient(port, null).get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).containsIgnoringCase("swagger");
    }

    private long insertToken(String project, String username, String secret) {
        return jdbc.sql("""
                        insert into api_token (project_id, name, token_prefix, token_hash, created_by)
                        values ((select id from project where slug = ?), ?, ?, ?,
                                (select id from app_user where username = ?))
                        returning id
                        """)
                .params(project, "t-" + UUID.randomUUID(), ApiTokenSecrets.visiblePrefix(secret),
                        ApiTokenSecrets.hash(secret), username)
                .query(Long.class).single();
    }
}

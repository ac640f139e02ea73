package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.db.OwnerJdbc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PoolsApiTest extends ApiTestBase {

    @Autowired
    OwnerJdbc jdbc;

    @Test
    void the_list_shows_the_pools_of_the_tokens_project_only() {
        var response = acme.get("/api/v1/pools");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode pools = response.json();
        assertThat(pools.valueStream().map(p -> p.get("systemName").asString()))
                .contains("gold-1000", "flex", "summer.2026").doesNotContain("globex-only");
        JsonNode gold = pools.valueStream().filter(p -> p.get("systemName").asString().equals("gold-1000"))
                .findFirst().orElseThrow();
        assertThat(gold.get("valueType").asString()).isEqualTo("FIXED");
        assertThat(gold.get("faceValue").decimalValue()).isEqualByComparingTo("1000");
        assertThat(gold.get("cvvRequired").asBoolean()).isTrue();
        assertThat(gold.get("validityUnit").asString()).isEqualTo("MONTHS");
        assertThat(gold.get("validityAmount").asInt()).isEqualTo(12);
    }

    @Test
    void a_pool_is_read_by_id() {
        long id = poolId("acme", "flex");

        var response = acme.get("/api/v1/pools/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asLong()).isEqualTo(id);
        assertThat(response.json().get("name").asString()).isEqualTo("Flexible amount card");
        assertThat(response.json().get("valueType").asString()).isEqualTo("ARBITRARY");
        assertThat(response.json().get("faceValue").isNull()).isTrue();
    }

    @Test
    void a_pool_is_created_with_the_rules_of_the_pools_screen() {
        String systemName = "api-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("systemName", systemName);
        body.put("name", "Created over HTTP");
        body.put("valueType", "FIXED");
        body.put("faceValue", "250");
        body.put("cvvRequired", false);
        body.put("validityUnit", "DAYS");
        body.put("validityAmount", 30);

        var response = acme.postJson("/api/v1/pools", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode pool = response.json();
        assertThat(pool.get("systemName").asString()).isEqualTo(systemName);
        assertThat(pool.get("faceValue").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(response.headers().get("location")).containsExactly("/api/v1/pools/" + pool.get("id").asLong());
        assertThat(poolId("acme", systemName)).isEqualTo(pool.get("id").asLong());

        var again = acme.postJson("/api/v1/pools", body);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("systemName");
        assertThat(again.json().at("/errors/0/message").asString()).contains("already exists");
    }

    @Test
    void a_pool_that_breaks_the_rules_is_refused_with_a_problem_naming_every_field() {
        var response = acme.postJson("/api/v1/pools",
                Map.of("systemName", "Bad Name!", "name", "", "valueType", "FIXED", "validityAmount", 3));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("systemName", "name", "faceValue", "validity");
    }

    @Test
    void a_malformed_body_is_a_400_problem() {
        var response = acme.postJson("/api/v1/pools", Map.of("systemName", "x", "valueType", "SOMETIMES"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void a_token_of_globex_gets_404_for_every_acme_pool_exactly_like_a_missing_one() {
        var foreign = globex.get("/api/v1/pools/" + poolId("acme", "gold-1000"));
        var missing = globex.get("/api/v1/pools/" + Long.MAX_VALUE);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(foreign.json().get("title")).isEqualTo(missing.json().get("title"));
        for (String slug : new String[] {"gold-1000", "flex", "summer.2026"}) {
            assertThat(globex.get("/api/v1/pools/" + poolId("acme", slug)).status()).isEqualTo(404);
        }
    }

    private long poolId(String project, String systemName) {
        return jdbc.sql("""
                        select p.id from pool p join project pr on pr.id = p.project_id
                         where pr.slug = ? and p.system_name = ?
                        """)
                .params(project, systemName).query(Long.class).single();
    }
}

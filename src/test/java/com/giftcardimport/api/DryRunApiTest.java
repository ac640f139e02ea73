package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.ApiClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dry run over HTTP (SPEC 11): the same check as the wizard's, nothing imported. The answers are also written to
 * {@code target/api-examples/} (the examples of {@code docs/api.md} come from there).
 */
class DryRunApiTest extends ApiTestBase {

    @Test
    void a_dry_run_of_a_file_with_errors_creates_no_card_and_answers_the_counts_the_import_then_has() {
        String prefix = unique();
        JsonNode stored = awaitEnd(importFile("stored.csv", "Card No;Pool;Balance\n" + prefix + "-OLD;flex;5\n",
                Map.of()).json().get("id").asLong());
        assertThat(stored.get("importedRows").asLong()).isEqualTo(1);
        String csv = "Card No;Pool;Balance;Status\n"
                + prefix + "-1;flex;10,50;CanBeUsed\n"
                + prefix + "-2;flex;ten;\n"
                + prefix + "-1;flex;3;\n"
                + prefix + "-OLD;flex;7;\n"
                + prefix + "-5;no-such-pool;5;\n"
                + prefix + "-6;flex;1 000,00;Blocked\n";
        long importsBefore = importCount();

        Response dry = importFile("cards.csv", csv, Map.of("dryRun", "true"));

        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        JsonNode check = dry.json();
        example("dry-run.json", check);
        assertThat(check.get("dryRun").asBoolean()).isTrue();
        assertThat(check.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(check.get("totalRows").asLong()).isEqualTo(6);
        assertThat(check.get("importableRows").asLong()).isEqualTo(2);
        assertThat(check.get("failedRows").asLong()).isEqualTo(4);
        assertThat(check.get("reasons").valueStream().map(r -> r.get("code").asString()).toList())
                .containsExactlyInAnyOrder("BALANCE_INVALID", "CARD_NUMBER_DUPLICATE_IN_FILE",
                        "CARD_NUMBER_ALREADY_EXISTS", "POOL_NOT_FOUND");
        assertThat(check.get("reasons").valueStream()
                .filter(r -> r.get("code").asString().equals("CARD_NUMBER_DUPLICATE_IN_FILE"))
                .map(r -> r.get("firstRows").get(0).asLong()).toList()).containsExactly(4L);
        assertThat(importCount()).as("a dry run is no import").isEqualTo(importsBefore);

        long id = check.get("id").asLong();
        JsonNode errors = acme.get("/api/v1/imports/" + id + "/errors?page=0&size=50").json();
        example("dry-run-errors.json", errors);
        assertThat(errors.get("items").valueStream().map(e -> e.get("rowNumber").asLong()).distinct().toList())
                .containsExactly(3L, 4L, 5L, 6L);
        Response report = acme.get("/api/v1/imports/" + id + "/error-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("Card No;Pool;Balance;Status;Error").contains(prefix + "-5;no-such-pool");
        assertThat(globex.get("/api/v1/imports/" + id + "/errors").status())
                .as("another project's token sees no such check").isEqualTo(404);

        JsonNode imported = awaitEnd(importFile("cards.csv", csv, Map.of()).json().get("id").asLong());

        assertThat(imported.get("importedRows").asLong())
                .as("the dry run created no card: the import takes the rows it said").isEqualTo(2);
        assertThat(imported.get("failedRows").asLong()).isEqualTo(4);
        JsonNode importErrors = acme.get("/api/v1/imports/" + imported.get("id").asLong()
                + "/errors?page=0&size=50").json();
        assertThat(codes(importErrors)).isEqualTo(codes(errors));
    }

    @Test
    void a_dry_run_that_cannot_be_checked_is_refused_like_an_import_and_leaves_nothing() {
        long importsBefore = importCount();

        Response refused = importFile("nopool.csv", "Number,Value\nX-1,20\n", Map.of("dryRun", "true"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems").get(0).asString()).contains("Pool system name");
        assertThat(importCount()).isEqualTo(importsBefore);
    }

    @Test
    void a_dry_run_part_other_than_true_or_false_is_a_bad_request() {
        Response bad = importFile("cards.csv", validCsv(unique(), 1), Map.of("dryRun", "maybe"));

        assertThat(bad.status()).isEqualTo(400);
    }

    private static List<String> codes(JsonNode page) {
        return page.get("items").valueStream().map(e -> e.get("rowNumber").asLong() + ":" + e.get("code").asString())
                .toList();
    }
}

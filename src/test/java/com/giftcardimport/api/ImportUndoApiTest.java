package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.giftcardimport.api.ApiClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The status update and the undo over HTTP. The answers are also written to {@code target/api-examples/} (the
 * examples of docs/api.md are taken from there).
 */
class ImportUndoApiTest extends ApiTestBase {

    @Test
    void the_action_part_makes_a_status_update_that_counts_unchanged_rows() {
        String p = unique();
        awaitEnd(importFile("file.csv", validCsv(p, 3), Map.of()).json().get("id").asLong());

        Response created = importFile("file.csv", "Card number,Status\n" + p + "-1,Blocked\n" + p + "-2,Inactive\n"
                + p + "-2,Blocked\n" + p + "-9,Blocked\n", Map.of("action", "UPDATE_GIFT_CARD_STATUSES"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("action").asString()).isEqualTo("UPDATE_GIFT_CARD_STATUSES");
        JsonNode done = awaitEnd(created.json().get("id").asLong());
        example("status-update.json", done);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.get("importedRows").asLong()).isEqualTo(1);
        assertThat(done.get("unchangedRows").asLong()).isEqualTo(1);
        assertThat(done.get("failedRows").asLong()).isEqualTo(2);
        assertThat(done.get("notProcessedRows").asLong()).isZero();
        assertThat(done.get("undo").isNull()).isTrue();
    }

    @Test
    void an_unknown_action_is_refused_and_makes_no_import() {
        Response refused = importFile("file.csv", validCsv(unique(), 1), Map.of("action", "DELETE_ALL"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).startsWith("Unknown action \"DELETE_ALL\"");
    }

    @Test
    void an_import_is_undone_once_and_shows_who_undid_it_how_many_cards_went_and_which_stayed_and_why() {
        String p = unique();
        long add = importFile("file.csv", validCsv(p, 3), Map.of()).json().get("id").asLong();
        awaitEnd(add);
        awaitEnd(importFile("file.csv", "Card number,Status\n" + p + "-2,Blocked\n",
                Map.of("action", "UPDATE_GIFT_CARD_STATUSES"))
                .json().get("id").asLong());

        Response started = acme.post("/api/v1/imports/" + add + "/undo");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("undo").get("requestedBy").asString())
                .isEqualTo(ACME_TOKEN_LABEL);
        JsonNode undone = await("the undo").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> acme.get("/api/v1/imports/" + add).json(),
                        job -> !job.get("undo").get("status").asString().equals("RUNNING"));
        example("undone.json", undone);
        JsonNode undo = undone.get("undo");
        assertThat(undo.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(undo.get("undoneCards").asLong()).isEqualTo(2);
        assertThat(undo.get("keptCards").asLong()).isEqualTo(1);
        assertThat(undo.get("finishedAt").asString()).isNotBlank();
        JsonNode kept = acme.get("/api/v1/imports/" + add + "/undo/kept-cards").json();
        example("kept-cards.json", kept);
        assertThat(kept.get("totalElements").asLong()).isEqualTo(1);
        assertThat(kept.get("items").get(0).get("cardNumber").asString()).isEqualTo(p + "-2");
        assertThat(kept.get("items").get(0).get("reason").asString())
                .isEqualTo("Its status changed since the import (now Blocked)");

        Response again = acme.post("/api/v1/imports/" + add + "/undo");
        example("undo-again.json", again.json());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("detail").asString())
                .isEqualTo("This import was undone already: an import is undone only once");
    }

    @Test
    void a_globex_token_gets_404_for_an_acme_undo_exactly_as_for_a_missing_import() {
        long id = importFile("file.csv", validCsv(unique(), 1), Map.of()).json().get("id").asLong();
        awaitEnd(id);

        for (String path : new String[] {"/undo", "/undo/kept-cards"}) {
            Response foreign = path.endsWith("undo") ? globex.post("/api/v1/imports/" + id + path)
                    : globex.get("/api/v1/imports/" + id + path);
            Response absent = path.endsWith("undo") ? globex.post("/api/v1/imports/" + Long.MAX_VALUE + path)
                    : globex.get("/api/v1/imports/" + Long.MAX_VALUE + path);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.json().get("detail")).isEqualTo(absent.json().get("detail"));
        }
        assertThat(acme.get("/api/v1/imports/" + id).json().get("undo").isNull()).isTrue();
    }
}

package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.ApiClient.FilePart;
import com.giftcardimport.api.ApiClient.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImportsApiTest extends ApiTestBase {

    @Test
    void a_file_is_imported_with_auto_mapping_and_the_token_is_recorded_as_the_launcher() {
        String prefix = unique();
        String csv = "Card number;Pool system name;Card balance\n"
                + prefix + "-1;flex;10,50\n"
                + prefix + "-2;flex;-5\n"
                + prefix + "-3;flex;1 000,00\n";

        Response created = importFile("auto.csv", csv, Map.of(), Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode job = created.json();
        long id = job.get("id").asLong();
        assertThat(created.headers().get("location")).containsExactly("/api/v1/imports/" + id);
        assertThat(job.get("launchedBy").asString()).isEqualTo(ACME_TOKEN_LABEL);
        assertThat(job.get("fileName").asString()).isEqualTo("auto.csv");
        assertThat(job.get("delimiter").asString()).isEqualTo(";");
        assertThat(job.get("mapping").valueStream().map(c -> c.get("field").asString()))
                .containsExactly("CARD_NUMBER", "POOL", "BALANCE");

        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.get("importedRows").asLong()).isEqualTo(2);
        assertThat(done.get("failedRows").asLong()).isEqualTo(1);
        assertThat(done.get("totalRows").asLong()).isEqualTo(3);
        assertThat(done.get("notProcessedRows").asLong()).isZero();
        assertThat(done.get("launchedAt").asString()).isNotBlank();
        assertThat(done.get("finishedAt").asString()).isNotBlank();
    }

    @Test
    void the_list_shows_the_projects_imports_newest_first_with_who_launched_them() {
        long older = importFile("older.csv", validCsv(unique(), 1), Map.of(), Map.of()).json().get("id").asLong();
        long newer = importFile("newer.csv", validCsv(unique(), 1), Map.of(), Map.of()).json().get("id").asLong();

        Response list = acme.get("/api/v1/imports?page=0&size=5");

        assertThat(list.status()).isEqualTo(200);
        JsonNode page = list.json();
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").valueStream().map(i -> i.get("id").asLong()).toList())
                .containsSubsequence(newer, older);
        assertThat(page.get("items").valueStream().filter(i -> i.get("id").asLong() == newer).findFirst()
                .orElseThrow().get("launchedBy").asString()).isEqualTo(ACME_TOKEN_LABEL);
        assertThat(globex.get("/api/v1/imports?size=500").json().get("items").valueStream()
                .map(i -> i.get("id").asLong())).doesNotContain(newer, older);
    }

    @Test
    void an_import_is_read_by_id_and_its_errors_are_listed_a_page_at_a_time() {
        String prefix = unique();
        String csv = "Card number,Pool system name,Card balance\n"
                + prefix + "-ok,flex,1\n"
                + "7.003E+15,flex,1\n"
                + prefix + "-bad,no-such-pool,1\n"
                + prefix + "-neg,flex,-1\n";
        long id = importFile("errors.csv", csv, Map.of(), Map.of()).json().get("id").asLong();
        awaitEnd(id);

        Response read = acme.get("/api/v1/imports/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("failedRows").asLong()).isEqualTo(3);

        JsonNode first = acme.get("/api/v1/imports/" + id + "/errors?page=0&size=2").json();
        JsonNode second = acme.get("/api/v1/imports/" + id + "/errors?page=1&size=2").json();
        assertThat(first.get("totalElements").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(first.get("items").valueStream().map(e -> e.get("rowNumber").asLong())).containsExactly(3L, 4L);
        assertThat(second.get("items").valueStream().map(e -> e.get("rowNumber").asLong())).containsExactly(5L);
        JsonNode scientific = first.get("items").get(0);
        assertThat(scientific.get("column").asString()).isEqualTo("Card number");
        assertThat(scientific.get("value").asString()).isEqualTo("7.003E+15");
        assertThat(scientific.get("message").asString()).containsIgnoringCase("scientific");
        assertThat(scientific.get("code").asString()).isNotBlank();
    }

    @Test
    void the_error_report_is_a_csv_download_of_the_failed_rows_with_their_messages() {
        String prefix = unique();
        String csv = "Card number,Pool system name,Card balance\n"
                + prefix + "-ok,flex,1\n"
                + prefix + "-bad,flex,=1+1\n";
        long id = importFile("report.csv", csv, Map.of(), Map.of()).json().get("id").asLong();
        awaitEnd(id);

        Response report = acme.get("/api/v1/imports/" + id + "/error-report");

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        assertThat(report.headers().get("content-disposition").getFirst())
                .startsWith("attachment").contains("report-errors-" + id + ".csv");
        String text = report.text().replace("\uFEFF", "");
        assertThat(text.lines().toList()).hasSize(2);
        assertThat(text.lines().findFirst().orElseThrow())
                .isEqualTo("Row,Card number,Pool system name,Card balance,Error");
        assertThat(text).contains(prefix + "-bad").contains("'=1+1").doesNotContain(prefix + "-ok");
    }

    @Test
    void an_explicit_mapping_names_columns_by_name_or_by_position_and_skips_the_others() {
        String prefix = unique();
        String csv = "Num|Whatever|Amt|Notes\n" + prefix + "-1|flex|12.5|ignored\n";
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("mapping", "{\"num\": \"CARD_NUMBER\", \"1\": \"Pool system name\", \"Amt\": \"balance\"}");
        parts.put("delimiter", "|");
        parts.put("encoding", "UTF-8");

        Response created = importFile("explicit.txt", csv, parts, Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("mapping").valueStream()
                .map(c -> c.get("column").asString() + "=" + (c.get("field").isNull() ? "-" : c.get("field").asString())))
                .containsExactly("Num=CARD_NUMBER", "Whatever=POOL", "Amt=BALANCE", "Notes=-");
        JsonNode done = awaitEnd(created.json().get("id").asLong());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("importedRows").asLong()).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_the_same_request_returns_the_same_import() {
        String key = "nightly-" + unique();
        String csv = validCsv(unique(), 2);

        Response first = importFile("same.csv", csv, Map.of(), Map.of("Idempotency-Key", key));
        Response retry = importFile("same.csv", csv, Map.of(), Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        long total = acme.get("/api/v1/imports?size=500").json().get("items").valueStream()
                .filter(i -> i.get("fileName").asString().equals("same.csv")
                        && i.get("id").asLong() >= first.json().get("id").asLong())
                .count();
        assertThat(total).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_with_a_different_request_is_a_409_conflict() {
        String key = "nightly-" + unique();
        Response first = importFile("first.csv", validCsv(unique(), 1), Map.of(), Map.of("Idempotency-Key", key));
        long before = importCount();

        Response other = importFile("other.csv", validCsv(unique(), 3), Map.of(), Map.of("Idempotency-Key", key));

        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.json().get("existingImportId").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(importCount()).isEqualTo(before);
    }

    @Test
    void a_different_file_with_the_same_name_size_and_key_is_a_409_naming_the_first_import_not_a_replay() {
        String key = "nightly-" + unique();
        String original = validCsv(unique(), 2);
        String other = validCsv(unique(), 2);
        assertThat(other).hasSameSizeAs(original).isNotEqualTo(original);
        Response first = importFile("cards.csv", original, Map.of(), Map.of("Idempotency-Key", key));
        long before = importCount();

        Response second = importFile("cards.csv", other, Map.of(), Map.of("Idempotency-Key", key));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("existingImportId").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(second.json().get("detail").asString()).contains("another file content");
        assertThat(importCount()).isEqualTo(before);
    }

    @Test
    void the_same_content_under_another_name_with_the_same_key_is_a_retry() {
        String key = "nightly-" + unique();
        String csv = validCsv(unique(), 2);
        Response first = importFile("cards.csv", csv, Map.of(), Map.of("Idempotency-Key", key));

        Response retry = importFile("cards (1).csv", csv, Map.of(), Map.of("Idempotency-Key", key));

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    }

    @Test
    void the_parts_may_come_in_any_order_the_file_first_or_last() {
        String prefix = unique();
        String csv = "A;B;C\n" + prefix + "-1;flex;5\n";
        Map<String, Object> fieldsFirst = new LinkedHashMap<>();
        fieldsFirst.put("mapping", "{\"A\":\"CARD_NUMBER\",\"B\":\"POOL\",\"C\":\"BALANCE\"}");
        fieldsFirst.put("delimiter", ";");
        fieldsFirst.put("file", FilePart.csv("last.csv", csv));

        Response fileLast = acme.postMultipart("/api/v1/imports", fieldsFirst, Map.of());
        Response fileFirst = importFile("first.csv", csv.replace(prefix, unique()), Map.of(
                "mapping", "{\"A\":\"CARD_NUMBER\",\"B\":\"POOL\",\"C\":\"BALANCE\"}", "delimiter", ";"),
                Map.of());

        assertThat(fileLast.status()).as(fileLast.toString()).isEqualTo(201);
        assertThat(fileFirst.status()).as(fileFirst.toString()).isEqualTo(201);
        assertThat(awaitEnd(fileLast.json().get("id").asLong()).get("importedRows").asLong()).isEqualTo(1);
    }

    @Test
    void the_answer_tells_how_many_bytes_were_not_valid_utf8_and_which_encoding_was_chosen_instead() {
        String prefix = unique();
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        csv.writeBytes("Card number,Pool system name,Card balance,Comment\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 10; i++) {
            csv.writeBytes((prefix + "-" + i + ",flex,5,Подарочная карта\n").getBytes(StandardCharsets.UTF_8));
        }
        csv.writeBytes((prefix + "-x,flex,5,").getBytes(StandardCharsets.UTF_8));
        csv.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});

        Response created = acme.postMultipart("/api/v1/imports", Map.of("file",
                new FilePart("mostly-utf8.csv", csv.toByteArray())), Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String encoding = created.json().get("encoding").asString();
        assertThat(encoding).isNotEqualTo("UTF-8");
        assertThat(created.json().get("warnings").valueStream().map(JsonNode::asString)).singleElement()
                .asString().startsWith("2 bytes of the file are not valid UTF-8").contains("read as " + encoding);
        assertThat(acme.get("/api/v1/imports/" + created.json().get("id").asLong()).json().has("warnings"))
                .isFalse();
    }

    @Test
    void a_file_whose_auto_mapping_leaves_a_required_field_unmapped_is_refused_and_creates_no_job() {
        long before = importCount();

        Response refused = importFile("nopool.csv", "Card number,Card balance\n" + unique() + ",1\n",
                Map.of(), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("problems").valueStream().map(JsonNode::asString))
                .anySatisfy(p -> assertThat(p).contains("Pool system name").contains("not mapped"));
        assertThat(importCount()).isEqualTo(before);
    }

    @Test
    void an_explicit_mapping_that_leaves_a_required_field_unmapped_is_refused_and_creates_no_job() {
        long before = importCount();

        Response refused = importFile("partial.csv", validCsv(unique(), 1),
                Map.of("mapping", "{\"Card number\": \"CARD_NUMBER\", \"Card balance\": \"BALANCE\"}"), Map.of());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("Pool system name");
        assertThat(importCount()).isEqualTo(before);
    }

    @Test
    void a_mapping_naming_a_column_or_field_that_does_not_exist_is_refused() {
        Response column = importFile("c.csv", validCsv(unique(), 1), Map.of("mapping", "{\"Nope\": \"POOL\"}"),
                Map.of());
        Response field = importFile("f.csv", validCsv(unique(), 1), Map.of("mapping", "{\"Card number\": \"PIN\"}"),
                Map.of());
        Response json = importFile("j.csv", validCsv(unique(), 1), Map.of("mapping", "[1,2"), Map.of());

        assertThat(column.status()).isEqualTo(422);
        assertThat(column.json().get("detail").asString()).contains("\"Nope\"");
        assertThat(field.status()).isEqualTo(422);
        assertThat(field.json().get("detail").asString()).contains("unknown field \"PIN\"");
        assertThat(json.status()).isEqualTo(422);
        assertThat(json.json().get("detail").asString()).contains("not valid JSON");
    }

    @Test
    void a_binary_file_is_refused_with_a_problem_and_creates_no_job() {
        long before = importCount();
        byte[] png = new byte[2048];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        for (int i = signature.length; i < png.length; i++) {
            png[i] = (byte) (i * 31);
        }

        Response refused = acme.postMultipart("/api/v1/imports", Map.of("file", new FilePart("cards.csv", png)),
                Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("problems").size()).isPositive();
        assertThat(importCount()).isEqualTo(before);
    }

    @Test
    void an_unknown_encoding_or_delimiter_is_refused_before_anything_is_stored() {
        Response encoding = importFile("e.csv", validCsv(unique(), 1), Map.of("encoding", "klingon-8"), Map.of());
        Response delimiter = importFile("d.csv", validCsv(unique(), 1), Map.of("delimiter", "#"), Map.of());

        assertThat(encoding.status()).isEqualTo(422);
        assertThat(encoding.json().get("detail").asString()).contains("klingon-8");
        assertThat(delimiter.status()).isEqualTo(422);
        assertThat(delimiter.json().get("detail").asString()).contains("delimiter");
    }

    @Test
    void a_windows_1251_file_is_read_with_the_encoding_given() {
        String prefix = unique();
        String csv = "Номер карты;Пул;Баланс\n" + prefix + "-1;flex;5\n";
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("file", new FilePart("ru.csv", csv.getBytes(Charset.forName("windows-1251"))));
        parts.put("encoding", "windows-1251");
        parts.put("mapping", "{\"Номер карты\": \"CARD_NUMBER\", \"Пул\": \"POOL\", \"Баланс\": \"BALANCE\"}");

        Response created = acme.postMultipart("/api/v1/imports", parts, Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("encoding").asString()).isEqualToIgnoringCase("windows-1251");
        assertThat(awaitEnd(created.json().get("id").asLong()).get("importedRows").asLong()).isEqualTo(1);
    }

    @Test
    void cancelling_an_import_that_has_ended_is_a_409_conflict() {
        long id = importFile("ended.csv", validCsv(unique(), 1), Map.of(), Map.of()).json().get("id").asLong();
        awaitEnd(id);

        Response cancel = acme.post("/api/v1/imports/" + id + "/cancel");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("importStatus").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void cancelling_a_running_import_stops_it_and_the_counters_still_add_up() {
        long id = importFile("big.csv", validCsv(unique(), 100_000), Map.of(), Map.of()).json().get("id").asLong();

        Response cancel = acme.post("/api/v1/imports/" + id + "/cancel");

        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        assertThat(cancel.json().get("cancelRequested").asBoolean()).isTrue();
        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(done.get("importedRows").asLong() + done.get("failedRows").asLong()
                + done.get("notProcessedRows").asLong()).isEqualTo(100_000);
    }

    @Test
    void a_globex_token_gets_404_for_every_acme_import_error_list_report_and_cancel() {
        long id = importFile("acme-only.csv", validCsv(unique(), 1) + "bad-row,flex,x\n", Map.of(), Map.of())
                .json().get("id").asLong();
        awaitEnd(id);
        long missing = Long.MAX_VALUE;

        for (String path : new String[] {"", "/errors", "/error-report"}) {
            Response foreign = globex.get("/api/v1/imports/" + id + path);
            Response absent = globex.get("/api/v1/imports/" + missing + path);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.isProblem()).isTrue();
            assertThat(foreign.json().get("detail")).isEqualTo(absent.json().get("detail"));
            assertThat(acme.get("/api/v1/imports/" + id + path).status()).as(path).isEqualTo(200);
        }
        Response cancel = globex.post("/api/v1/imports/" + id + "/cancel");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.json().get("detail")).isEqualTo(
                globex.post("/api/v1/imports/" + missing + "/cancel").json().get("detail"));
    }

    @Test
    void a_bad_page_size_is_a_400_problem() {
        Response response = acme.get("/api/v1/imports?size=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }
}

package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.api.ApiClient.FilePart;
import com.giftcardimport.api.ApiClient.Response;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.giftcardimport.project.ProjectId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The API answers in the language of {@code Accept-Language}: Russian or English, English for anything else. */
class ApiLanguageTest extends ApiTestBase {

    @Autowired
    OwnerJdbc jdbc;

    @Autowired
    ImportJobRepository jobs;

    @Test
    void a_refused_file_is_explained_in_russian_when_the_request_asks_for_russian() {
        byte[] csv = "Номер,Сумма\nR-1,20\n".getBytes(StandardCharsets.UTF_8);

        Response refused = acme.postMultipart("/api/v1/imports", Map.of("file", new FilePart("nopool.csv", csv)),
                Map.of("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("title").asString()).isEqualTo("Импорт отклонён");
        assertThat(refused.json().get("problems").valueStream().map(JsonNode::asString))
                .contains("Обязательное поле «Системное имя пула» не сопоставлено ни одному столбцу");
    }

    @Test
    void an_image_sent_as_a_csv_file_is_refused_in_russian_when_the_request_asks_for_russian() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        Response russian = acme.postMultipart("/api/v1/imports", Map.of("file", new FilePart("cards.csv", png)),
                Map.of("Accept-Language", "ru"));
        Response english = acme.postMultipart("/api/v1/imports", Map.of("file", new FilePart("cards.csv", png)),
                Map.of("Accept-Language", "en-GB"));

        assertThat(russian.status()).as(russian.toString()).isEqualTo(422);
        assertThat(russian.json().get("title").asString()).isEqualTo("Импорт отклонён");
        assertThat(russian.json().get("detail").asString()).isEqualTo("Похоже, это изображение (PNG), а не файл "
                + "CSV/TXT: загрузите файл подарочных карт, выгруженный в CSV");
        assertThat(english.json().get("detail").asString()).isEqualTo("This looks like an image (PNG), not a CSV/TXT "
                + "file: upload the gift card file exported as CSV");
    }

    @Test
    void a_file_with_a_header_and_no_rows_is_refused_in_russian_in_a_dry_run_too() {
        byte[] csv = "Номер карты;Пул;Баланс\n".getBytes(StandardCharsets.UTF_8);

        Response refused = acme.postMultipart("/api/v1/imports",
                Map.of("file", new FilePart("empty.csv", csv), "dryRun", "true"), Map.of("Accept-Language", "ru-RU"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("problems").valueStream().map(JsonNode::asString))
                .containsExactly("В файле есть строка заголовков, но нет строк с данными: импортировать нечего");
    }

    @Test
    void why_an_import_failed_answers_in_the_language_asked_for() {
        String csv = "Card number,Pool system name,Card balance\nF" + UUID.randomUUID().toString().substring(0, 8)
                + ",flex,5\n";
        long id = importFile("gone.csv", csv, Map.of()).json().get("id").asLong();
        assertThat(awaitEnd(id).get("status").asString()).isEqualTo("COMPLETED");
        long project = jdbc.sql("select project_id from import_job where id = ?").param(id).query(Long.class).single();
        jdbc.sql("update import_job set status = 'RUNNING', finished_at = null where id = ?").param(id).update();
        assertThat(jobs.failWithoutFile(new ProjectId(project), ImportJobId.of(id),
                Text.of("failure.import.fileGone"))).isTrue();

        assertThat(acme.get("/api/v1/imports/" + id, "ru").json().get("failureMessage").asString())
                .isEqualTo("Файл этого импорта больше недоступен");
        assertThat(acme.get("/api/v1/imports/" + id, "en").json().get("failureMessage").asString())
                .isEqualTo("The file of this import is no longer available");
        assertThat(acme.get("/api/v1/imports?status=FAILED", "ru").json().get("items").valueStream()
                .filter(item -> item.get("id").asLong() == id).map(item -> item.get("failureMessage").asString()))
                .containsExactly("Файл этого импорта больше недоступен");
    }

    @Test
    void the_same_refusal_is_in_english_without_accept_language() {
        byte[] csv = "Number,Value\nR-1,20\n".getBytes(StandardCharsets.UTF_8);

        Response refused = acme.postMultipart("/api/v1/imports", Map.of("file", new FilePart("nopool.csv", csv)),
                Map.of());

        assertThat(refused.json().get("title").asString()).isEqualTo("Import refused");
        assertThat(refused.json().get("problems").valueStream().map(JsonNode::asString))
                .contains("The required field \"Pool system name\" is not mapped to any column");
    }

    @Test
    void row_errors_and_the_error_report_answer_in_the_language_asked_for() {
        String prefix = "ru" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "Номер карты;Пул;Баланс\n"
                + prefix + "-1;flex;10,50\n"
                + prefix + "-2;nowhere;5\n"
                + prefix + "-3;flex;1,000.00\n";
        Response created = acme.postMultipart("/api/v1/imports",
                Map.of("file", new FilePart("ru.csv", csv.getBytes(StandardCharsets.UTF_8))), Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(awaitEnd(id).get("status").asString()).startsWith("COMPLETED");

        JsonNode russian = acme.get("/api/v1/imports/" + id + "/errors", "ru").json().get("items");
        JsonNode english = acme.get("/api/v1/imports/" + id + "/errors", "en-US").json().get("items");
        JsonNode german = acme.get("/api/v1/imports/" + id + "/errors", "de").json().get("items");

        assertThat(russian.get(0).get("code").asString()).isEqualTo("POOL_NOT_FOUND");
        assertThat(russian.get(0).get("message").asString())
                .isEqualTo("Пула «nowhere» в этом проекте нет: сначала создайте его или проверьте системное имя");
        assertThat(english.get(0).get("message").asString())
                .isEqualTo("Pool 'nowhere' does not exist in this project: create it first or check the system name");
        assertThat(german.get(0).get("message").asString()).isEqualTo(english.get(0).get("message").asString());
        assertThat(russian.get(1).get("code").asString()).isEqualTo("BALANCE_AMBIGUOUS");
        assertThat(russian.get(1).get("message").asString()).startsWith("В балансе карты «1,000.00» есть и «,», и «.»");

        String report = acme.get("/api/v1/imports/" + id + "/error-report", "ru").text().replace("\uFEFF", "");
        assertThat(report.lines().findFirst().orElseThrow()).isEqualTo("Строка;Номер карты;Пул;Баланс;Ошибка");
        assertThat(report).contains("3;" + prefix + "-2;nowhere;5;Пула «nowhere» в этом проекте нет");
    }
}

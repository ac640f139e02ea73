package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.job.ImportJobRepository;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ImportResultViewTest extends ImportUiTest {

    @Autowired
    ImportProgressBus bus;

    @Autowired
    ImportJobRepository jobs;

    @BeforeEach
    void poolWithCvv() {
        support.arbitraryPool(project.id(), "secure", true);
    }

    byte[] file() {
        return ImportFiles.utf8("Card number,Pool system name,Gift card CVV,Card balance,Notes",
                prefix + "-1,flex,,10,fine",
                prefix + "-2,nowhere,,10,no such pool",
                prefix + "-3,secure,12,5,CVV too short",
                prefix + "-4,secure,4821,5,fine",
                "=HYPERLINK(\"x\"),flex,,1,formula");
    }

    @Test
    void the_result_page_shows_status_counters_the_mapping_and_the_errors_and_offers_the_report() throws Exception {
        login(project.admin());
        assertThat(launchAndAwait(file(), "cards.csv")).isEqualTo("COMPLETED_WITH_ERRORS");

        UI.getCurrent().navigate("imports/" + lastJob);
        ImportResultView page = _get(ImportResultView.class);

        assertThat(page.title.getText()).isEqualTo("Import " + lastJob + " · cards.csv");
        assertThat(page.badge.getElement().getChild(0).getAttribute("data-status"))
                .isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(page.fact("Imported")).isEqualTo("2");
        assertThat(page.fact("Failed")).isEqualTo("3");
        assertThat(page.fact("Rows in the file")).isEqualTo("5");
        assertThat(page.fact("Not processed")).isEqualTo("0");
        assertThat(page.fact("Launched by")).isEqualTo("Admin of " + project.slug());
        assertThat(page.fact("Format")).isEqualTo("UTF-8, comma");
        assertThat(page.cancel.isVisible()).isFalse();
        assertThat(page.progress.isVisible()).isFalse();

        assertThat(GridKt._findAll(page.mapping)).extracting(ImportSummary.MappedColumn::column,
                        c -> c.field().orElse(null))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Card number", GiftCardField.CARD_NUMBER),
                        org.assertj.core.groups.Tuple.tuple("Pool system name", GiftCardField.POOL),
                        org.assertj.core.groups.Tuple.tuple("Gift card CVV", GiftCardField.CVV),
                        org.assertj.core.groups.Tuple.tuple("Card balance", GiftCardField.BALANCE),
                        org.assertj.core.groups.Tuple.tuple("Notes", null));

        List<RowError> errors = GridKt._findAll(page.errors);
        assertThat(errors).extracting(RowError::rowNumber).containsExactly(3L, 4L, 6L);
        assertThat(errors.get(0).column()).isEqualTo("Pool system name");
        assertThat(errors.get(0).value()).isEqualTo("nowhere");
        assertThat(errors.get(1).value()).doesNotContain("12");   // a CVV is never shown
        assertThat(page.errorCount.getText()).isEqualTo("3 rows failed");

        assertThat(page.download.isVisible()).isTrue();
        String report = new String(DownloadKt._download(page.download), StandardCharsets.UTF_8);
        assertThat(report).contains("nowhere").doesNotContain(",12,").doesNotContain("\n=HYPERLINK");
        assertThat(report.lines().count()).isEqualTo(4);   // header and three failed rows
    }

    @Test
    void an_account_manager_sees_the_result_but_cannot_cancel_or_download() throws Exception {
        login(project.admin());
        launchAndAwait(file(), "cards.csv");
        login(project.manager());

        UI.getCurrent().navigate("imports/" + lastJob);
        ImportResultView page = _get(ImportResultView.class);

        assertThat(page.fact("Failed")).isEqualTo("3");
        assertThat(page.download.isVisible()).isFalse();
        assertThat(page.download.getHref()).isEmpty();
        assertThat(page.cancel.isVisible()).isFalse();
    }

    @Test
    void a_running_import_can_be_cancelled_and_the_page_follows_it_by_push_to_its_end() throws Exception {
        login(project.admin());
        launchAndAwait(file(), "cards.csv");
        ImportJobId job = lastJob;
        jdbc.sql("update import_job set status = 'RUNNING', imported_rows = 1, failed_rows = 1, total_rows = null,"
                + " finished_at = null where id = ?").param(job.value()).update();
        try {
            UI.getCurrent().navigate("imports/" + job);
            ImportResultView page = _get(ImportResultView.class);
            assertThat(page.cancel.isVisible()).isTrue();
            assertThat(page.progress.isVisible()).isTrue();
            assertThat(page.download.isVisible()).isFalse();
            assertThat(page.fact("Not processed")).isEqualTo("in progress");

            _click(page.cancel);
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
            assertThat(jdbc.sql("select cancel_requested from import_job where id = ?").param(job.value())
                    .query(Boolean.class).single()).isTrue();
            assertThat(page.cancel.isVisible()).isFalse();
            assertThat(page.failure.getText()).startsWith("Cancelling");

            jdbc.sql("update import_job set status = 'COMPLETED_WITH_ERRORS', imported_rows = 2, failed_rows = 3,"
                    + " total_rows = 5, finished_at = now(), cancel_requested = false where id = ?")
                    .param(job.value()).update();
            bus.publish(new ImportProgress(project.id(), job, ImportStatus.COMPLETED_WITH_ERRORS, 2, 3, 5L, 6,
                    Instant.now()));

            awaitUi("the page shows the end", () -> page.badge.getElement().getChild(0)
                    .getAttribute("data-status").equals("COMPLETED_WITH_ERRORS"));
            assertThat(page.fact("Imported")).isEqualTo("2");
            assertThat(page.badge.getElement().getChild(0).getAttribute("data-status"))
                    .isEqualTo("COMPLETED_WITH_ERRORS");
            assertThat(page.download.isVisible()).isTrue();
            assertThat(page.progress.isVisible()).isFalse();
        } finally {
            jdbc.sql("update import_job set status = 'COMPLETED_WITH_ERRORS', imported_rows = 2, failed_rows = 3,"
                    + " total_rows = 5, finished_at = coalesce(finished_at, now()), cancel_requested = false"
                    + " where id = ?")
                    .param(job.value()).update();
        }
    }

    @Test
    void a_failed_import_says_why_in_the_readers_language_and_a_failure_stored_in_english_only_in_english()
            throws Exception {
        login(project.admin());
        launchAndAwait(file(), "cards.csv");
        ImportJobId job = lastJob;
        jdbc.sql("update import_job set status = 'RUNNING', finished_at = null where id = ?").param(job.value())
                .update();
        assertThat(jobs.failWithoutFile(project.id(), job, Text.of("failure.import.interrupted", 20))).isTrue();

        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        UI.getCurrent().navigate("imports/" + job);
        ImportResultView russian = _get(ImportResultView.class);
        assertThat(russian.failure.getText()).isEqualTo("Импорт прерван после строки 20 (его "
                + "сервер остановился), а его файл больше недоступен, поэтому продолжить нельзя");
        assertThat(russian.badge.getElement().getTextRecursively()).isEqualTo("Сбой");
        assertThat(russian.fact("Format")).isEqualTo("UTF-8, запятая");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("imports");
        UI.getCurrent().navigate("imports/" + job);
        assertThat(_get(ImportResultView.class).failure.getText()).isEqualTo("The import was interrupted after row "
                + "20 (its server stopped), and its file is no longer available to resume it");

        jdbc.sql("update import_job set failure_message = 'Stored before the keys', failure_message_key = null,"
                + " failure_message_args = null where id = ?").param(job.value()).update();
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        UI.getCurrent().navigate("imports");
        UI.getCurrent().navigate("imports/" + job);
        assertThat(_get(ImportResultView.class).failure.getText()).isEqualTo("Stored before the keys");
    }

    @Test
    void in_russian_the_mapping_used_names_the_fields_in_russian() throws Exception {
        login(project.admin());
        launchAndAwait(file(), "cards.csv");

        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        UI.getCurrent().navigate("imports/" + lastJob);
        ImportResultView page = _get(ImportResultView.class);

        assertThat(GridKt._getFormattedRow(page.mapping, 0)).containsExactly("Card number", "Номер карты");
        assertThat(GridKt._getFormattedRow(page.mapping, 1)).containsExactly("Pool system name",
                "Системное имя пула");
        assertThat(GridKt._getFormattedRow(page.mapping, 4)).containsExactly("Notes", "— не импортируется —");
    }

    @Test
    void an_import_id_that_does_not_exist_shows_not_found() {
        login(project.admin());

        UI.getCurrent().navigate("imports/987654321012");

        ImportResultView page = _get(ImportResultView.class);
        assertThat(page.getElement().getTextRecursively())
                .contains("Import not found", "There is no import 987654321012 in this project.");
    }
}

package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.CheckReason;
import com.giftcardimport.importing.CheckStatus;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 4's whole-file check, the question before a launch that would mostly fail, and correcting failed rows. */
class CheckAndCorrectionUiTest extends ImportUiTest {

    @BeforeEach
    void loginAsAdmin() {
        login(project.admin());
    }

    /** 30 rows; rows 25 and 27 name no pool, row 29 has no amount: all beyond the 20 rows step 4 shows. */
    byte[] deepErrors() {
        List<String> lines = new ArrayList<>(List.of("Card number,Pool system name,Card balance"));
        for (int row = 2; row <= 31; row++) {
            String pool = row == 25 || row == 27 ? "nowhere" : "flex";
            String balance = row == 29 ? "lots" : "5";
            lines.add(prefix + "-" + row + "," + pool + "," + balance);
        }
        return ImportFiles.utf8(lines.toArray(String[]::new));
    }

    @Test
    void step_four_shows_the_checks_progress_then_what_will_import_and_the_failures_grouped_by_reason() {
        ImportWizard wizard = toReview(deepErrors());
        CheckPanel panel = wizard.previewStep.check;
        assertThat(wizard.previewStep.summary.getText()).startsWith("The first 20 rows of the file: 20 would be "
                + "imported, 0 would fail.");

        panel.show(new CheckSummary(panel.check().id(), ImportAction.ADD_GIFT_CARDS, "cards.csv",
                new FileFormat(StandardCharsets.UTF_8, ','), false, CheckStatus.RUNNING, 30L, null, 10, 9, 1, null,
                null, List.of(), Instant.now(), null));
        assertThat(panel.bar.isVisible()).isTrue();
        assertThat(panel.bar.getValue()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(panel.outcome.getText()).isEqualTo("Checking every row of the file: 10 rows checked, 1 failing "
                + "so far…");
        assertThat(panel.reasons.isVisible()).isFalse();

        CheckSummary done = awaitCheck(panel);

        assertThat(panel.bar.isVisible()).isFalse();
        assertThat(panel.outcome.getText()).isEqualTo("The whole file was checked: 30 rows, 27 will be imported, 3 "
                + "will fail.");
        assertThat(GridKt._findAll(panel.reasons)).extracting(CheckReason::code, CheckReason::rows,
                CheckReason::firstRows).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POOL_NOT_FOUND", 2L, List.of(25L, 27L)),
                org.assertj.core.groups.Tuple.tuple("BALANCE_INVALID", 1L, List.of(29L)));
        assertThat(GridKt._getFormattedRow(panel.reasons, 0)).contains("Pool 'nowhere' does not exist in this "
                + "project: create it first or check the system name", "25, 27");
        String report = new String(DownloadKt._download(panel.report), StandardCharsets.UTF_8);
        assertThat(report.split("\r\n")).hasSize(4).contains("29," + prefix + "-29,flex,lots,\"Card balance "
                + "'lots' contains the character l: an amount has only digits, one decimal mark ('.' or ',') and "
                + "spaces between thousands; write it like 1000, 1000.50 or 1 000,50\"");
        assertThat(done.validRows()).isEqualTo(27);
        assertThat(jobIds()).as("a check launches nothing").isEmpty();
    }

    @Test
    void in_russian_a_check_that_failed_says_why_in_russian_and_an_old_failure_in_its_english() {
        ImportWizard wizard = toReview(deepErrors());
        CheckPanel panel = wizard.previewStep.check;
        awaitCheck(panel);
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));

        panel.show(failed(panel, Text.of("failure.check.fileGone")));
        assertThat(panel.outcome.getText())
                .isEqualTo("Весь файл проверить не удалось: Загруженный файл больше недоступен");
        panel.show(failed(panel, null));
        assertThat(panel.outcome.getText())
                .isEqualTo("Весь файл проверить не удалось: The uploaded file is no longer available");
    }

    private static CheckSummary failed(CheckPanel panel, Text why) {
        return new CheckSummary(panel.check().id(), ImportAction.ADD_GIFT_CARDS, "cards.csv",
                new FileFormat(StandardCharsets.UTF_8, ','), false, CheckStatus.FAILED, 30L, null, 10, 9, 1,
                "The uploaded file is no longer available", why, List.of(), Instant.now(), Instant.now());
    }

    @Test
    void launch_asks_first_when_most_rows_would_fail_and_going_back_launches_nothing() {
        ImportWizard wizard = toReview(ImportFiles.utf8("Card number,Pool system name,Card balance",
                prefix + "-1,nowhere,5", prefix + "-2,nowhere,5", prefix + "-3,flex,x", prefix + "-4,flex,5"));
        awaitCheck(wizard.previewStep.check);

        _click(wizard.launch);
        ConfirmDialog question = _get(ConfirmDialog.class);
        assertThat(question.getId()).hasValue("launch-confirm");
        assertThat(question.getElement().getProperty("message"))
                .isEqualTo("3 of the 4 rows checked would fail. Launch the import anyway?");
        ConfirmDialogKt._fireCancel(question);
        assertThat(jobIds()).isEmpty();

        _click(wizard.launch);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(jobIds()).hasSize(1);
    }

    @Test
    void a_file_where_few_rows_fail_launches_without_a_question() {
        ImportWizard wizard = toReview(deepErrors());
        awaitCheck(wizard.previewStep.check);

        _click(wizard.launch);

        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(jobIds()).hasSize(1);
    }

    @Test
    void a_failed_row_corrected_on_the_result_page_becomes_a_follow_up_import_linked_both_ways() throws Exception {
        launchAndAwait(deepErrors(), "cards.csv");
        ImportJobId original = lastJob;
        UI.getCurrent().navigate("imports/" + original);
        ImportResultView page = _get(ImportResultView.class);
        _click(page.correction.correct);
        CorrectionGrid grid = page.correction.grid;
        assertThat(GridKt._size(grid.grid)).isEqualTo(3);
        TextField pool = grid.row(25).field(grid.column("Pool system name"));
        TextField balance = grid.row(29).field(grid.column("Card balance"));

        _setValue(balance, "a lot");
        assertThat(balance.isInvalid()).isTrue();
        assertThat(balance.getErrorMessage()).startsWith("Card balance 'a lot' contains the character a");
        _setValue(balance, "7,50");
        _setValue(pool, "flex");

        assertThat(balance.isInvalid()).isFalse();
        assertThat(grid.status.getText()).isEqualTo("2 of 3 rows corrected");
        _click(grid.importCorrected);

        ImportResultView followUpPage = _get(ImportResultView.class);
        ImportJobId followUp = new ImportJobId(jobIds().getLast());
        assertThat(followUp).isNotEqualTo(original);
        assertThat(support.awaitEnd(followUp, TIMEOUT)).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select imported_rows || '/' || failed_rows from import_job where id = ?")
                .param(followUp.value()).query(String.class).single()).isEqualTo("2/0");
        assertThat(jdbc.sql("select imported_rows || '/' || failed_rows from import_job where id = ?")
                .param(original.value()).query(String.class).single())
                .as("the original's counters never change").isEqualTo("27/3");
        assertThat(followUpPage.correction.links.getElement().getTextRecursively())
                .isEqualTo("Imports corrected rows of import " + original);
        UI.getCurrent().navigate("imports/" + original);
        assertThat(_get(ImportResultView.class).correction.links.getElement().getTextRecursively())
                .isEqualTo("Corrected rows imported by import " + followUp);
        ImportsView list = navigate(ImportsView.class);
        assertThat(((Span) GridKt._getCellComponent(list.grid, 0, "correction")).getText())
                .as("the newest, the follow-up").isEqualTo("↳ " + original);
        assertThat(((Span) GridKt._getCellComponent(list.grid, 1, "correction")).getText())
                .isEqualTo("↱ " + followUp);
    }

    @Test
    void in_russian_the_correction_grid_says_in_russian_why_each_row_failed() throws Exception {
        launchAndAwait(deepErrors(), "cards.csv");
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        UI.getCurrent().navigate("imports/" + lastJob);
        ImportResultView page = _get(ImportResultView.class);
        _click(page.correction.correct);
        CorrectionGrid grid = page.correction.grid;

        assertThat(grid.row(25).problems().getText())
                .isEqualTo("Пула «nowhere» в этом проекте нет: сначала создайте его или проверьте системное имя");
        TextField pool = grid.row(25).field(grid.column("Pool system name"));
        _setValue(pool, "elsewhere");
        assertThat(grid.row(25).problems().getText()).startsWith("Пула «elsewhere» в этом проекте нет");
    }

    @Test
    void rows_corrected_on_step_four_are_launched_with_the_file_as_a_linked_follow_up() {
        ImportWizard wizard = toReview(deepErrors());
        CheckPanel panel = wizard.previewStep.check;
        awaitCheck(panel);
        _click(panel.correct);
        CorrectionGrid grid = _get(panel.correction, CorrectionGrid.class);
        _setValue(grid.row(27).field(grid.column("Pool system name")), "flex");

        _click(grid.importCorrected);

        List<Long> jobs = jobIds();
        assertThat(jobs).hasSize(2);
        assertThat(support.awaitEnd(new ImportJobId(jobs.get(0)), TIMEOUT)).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(support.awaitEnd(new ImportJobId(jobs.get(1)), TIMEOUT)).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select corrects_job_id from import_job where id = ?").param(jobs.get(1))
                .query(Long.class).single()).isEqualTo(jobs.get(0));
        assertThat(jdbc.sql("select count(*) from gift_card where project_id = ? and card_number = ?")
                .params(project.id().value(), prefix + "-27").query(Long.class).single()).isEqualTo(1);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("imports/" + jobs.get(0));
    }

    // ------------------------------------------------------------------ helpers

    ImportWizard toReview(byte[] file) {
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);
        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", file);
        _click(wizard.next);
        _click(wizard.next);
        assertThat(wizard.stepper.stateOf(3)).isEqualTo("current");
        assertThat(wizard.previewStep.check.check()).isNotNull();
        return wizard;
    }

    List<Long> jobIds() {
        return jdbc.sql("select id from import_job where project_id = ? order by id")
                .param(project.id().value()).query(Long.class).list();
    }
}

package com.giftcardimport.importing.ui;

import static com.giftcardimport.importing.Workbooks.row;
import static com.giftcardimport.importing.Workbooks.sheet;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportTemplate;
import com.giftcardimport.importing.Workbooks;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.read.ReadLimits;
import com.giftcardimport.importing.read.RowSource;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The wizard survives a reload and the browser's Back, asks before it discards anything, reads Excel workbooks with
 * a chosen sheet, and an import whose every row failed looks failed: walked through with Karibu on real files.
 */
class ImportWizardDraftTest extends ImportUiTest {

    @Autowired
    ImportQueries queries;
    @Autowired
    com.giftcardimport.importing.file.FileStore files;

    @BeforeEach
    void loginAsAdmin() {
        login(project.admin());
    }

    byte[] cards() {
        return ImportFiles.utf8("Card number,Pool system name,Card balance,Status",
                prefix + "-1,flex,10.50,CanBeUsed", prefix + "-2,flex,5,");
    }

    @Test
    void a_reload_in_step_3_returns_to_step_3_with_the_file_and_the_mapping_chosen() {
        ImportWizard wizard = toMapping(cards(), "cards.csv");
        _setValue(ImportWizardTest.importBox(wizard, 3), false);   // the person leaves Status out
        StoredFile file = wizard.uploadedFile();

        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("imports/new", QueryParameters.of("step", "3"));

        ImportWizard again = _get(ImportWizard.class);
        assertThat(again).isNotSameAs(wizard);
        assertThat(again.currentStep()).isEqualTo(2);
        assertThat(again.uploadedFile().id()).isEqualTo(file.id());
        assertThat(again.mappingStep.mapping().field(3)).isEmpty();
        assertThat(again.mappingStep.mapping().field(0)).contains(GiftCardField.CARD_NUMBER);
        _click(again.next);
        assertThat(again.currentStep()).isEqualTo(3);
    }

    @Test
    void the_browsers_back_in_step_3_goes_to_step_2_with_the_file_kept_and_next_returns_to_the_mapping() {
        ImportWizard wizard = toMapping(cards(), "cards.csv");
        StoredFile file = wizard.uploadedFile();

        UI.getCurrent().navigate("imports/new", QueryParameters.of("step", "2"));   // the browser's Back

        ImportWizard back = _get(ImportWizard.class);
        assertThat(back.currentStep()).isEqualTo(1);
        assertThat(back.uploadedFile().id()).isEqualTo(file.id());
        assertThat(back.uploadStep.fileName.getText()).startsWith("cards.csv");
        _click(back.next);
        assertThat(back.currentStep()).isEqualTo(2);
        assertThat(back.mappingStep.mapping().field(0)).contains(GiftCardField.CARD_NUMBER);
    }

    @Test
    void opening_the_wizard_afresh_offers_the_unfinished_import_and_continue_returns_to_its_step() {
        toMapping(cards(), "cards.csv");

        UI.getCurrent().getPage().reload();
        ImportWizard fresh = navigate(ImportWizard.class);

        assertThat(fresh.currentStep()).isZero();
        assertThat(fresh.resumeOffer.isVisible()).isTrue();
        assertThat(fresh.resumeOffer.getElement().getTextRecursively()).contains("cards.csv");
        _click(fresh.resume);
        assertThat(fresh.currentStep()).isEqualTo(2);
        assertThat(fresh.resumeOffer.isVisible()).isFalse();
    }

    @Test
    void cancel_asks_and_keep_working_keeps_the_file_and_the_step() {
        ImportWizard wizard = toMapping(cards(), "cards.csv");
        StoredFile file = wizard.uploadedFile();

        _click(wizard.cancel);
        ConfirmDialog question = _get(ConfirmDialog.class);
        assertThat(question.getElement().getProperty("header")).isEqualTo("Discard this import?");
        ConfirmDialogKt._fireCancel(question);

        assertThat(_get(ImportWizard.class)).isSameAs(wizard);
        assertThat(wizard.currentStep()).isEqualTo(2);
        assertThat(files.exists(project.id(), file.id())).isTrue();
    }

    @Test
    void a_second_file_asks_and_keeping_the_first_drops_the_second() {
        ImportWizard wizard = toUpload();
        UploadKt._upload(wizard.uploadStep.upload, "first.csv", "text/csv", cards());
        StoredFile first = wizard.uploadedFile();

        UploadKt._upload(wizard.uploadStep.upload, "second.csv", "text/csv", cards());
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));

        assertThat(wizard.uploadedFile().id()).isEqualTo(first.id());
        assertThat(wizard.uploadStep.fileName.getText()).startsWith("first.csv");
        assertThat(draftFiles()).containsExactly(first.id());
        assertThat(wizard.messageLines()).isEmpty();
    }

    @Test
    void a_refused_file_shows_a_warning_sign_no_tick_and_no_row_count() {
        ImportWizard wizard = toUpload();

        UploadKt._upload(wizard.uploadStep.upload, "picture.csv", "text/csv", ImportFiles.png());

        assertThat(wizard.uploadStep.problems.isVisible()).isTrue();
        assertThat(wizard.uploadStep.fileOk.isVisible()).isFalse();
        assertThat(wizard.uploadStep.fileRefused.isVisible()).isTrue();
        assertThat(wizard.uploadStep.rows.isVisible()).isFalse();

        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", cards());   // no question: nothing lost
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(wizard.uploadStep.fileOk.isVisible()).isTrue();
        assertThat(wizard.uploadStep.rows.getText()).isEqualTo("2 data rows");
    }

    @Test
    void an_xlsx_with_several_sheets_is_read_from_the_chosen_sheet_and_imports() {
        byte[] workbook = Workbooks.xlsx(
                sheet("Read me", row("Cards are on the next sheet")),
                sheet("Cards", row("Card number", "Pool system name", "Card balance"),
                        row(prefix + "-X1", "flex", 10.5), row(prefix + "-X2", "flex", 7)));
        ImportWizard wizard = toUpload();

        UploadKt._upload(wizard.uploadStep.upload, "cards.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);

        assertThat(wizard.uploadStep.sheet.isVisible()).isTrue();
        assertThat(wizard.uploadStep.encoding.isVisible()).isFalse();
        assertThat(wizard.uploadStep.sheet.getValue()).isEqualTo("Read me");
        assertThat(wizard.uploadStep.problems.getElement().getTextRecursively()).contains("no data rows");
        _setValue(wizard.uploadStep.sheet, "Cards");
        assertThat(wizard.uploadStep.problems.isVisible()).isFalse();
        assertThat(wizard.uploadStep.rows.getText()).isEqualTo("2 data rows");
        assertThat(GridKt._findAll(wizard.uploadStep.sample)).extracting(r -> r.cell(2)).containsExactly("10.5", "7");

        _click(wizard.next);
        assertThat(wizard.mappingStep.mapping().field(2)).contains(GiftCardField.BALANCE);
        _click(wizard.next);
        _click(wizard.launch);

        ImportJobId job = new ImportJobId(jobIds().getFirst());
        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("COMPLETED");
        ImportSummary summary = queries.get(job);
        assertThat(summary.importedRows()).isEqualTo(2);
        assertThat(summary.format().sheet()).isEqualTo("Cards");
    }

    @Test
    void the_excel_template_is_a_workbook_with_the_csv_templates_columns_that_the_import_reads() throws Exception {
        ImportWizard wizard = toUpload();

        byte[] template = DownloadKt._download(wizard.uploadStep.templateXlsx);

        try (RowSource rows = RowSource.open(new ByteArrayInputStream(template),
                FileFormat.workbook("Gift cards"), ReadLimits.defaults())) {
            // the CSV template of a project without imports, in English: comma-separated, with a byte-order mark
            List<String> csv = new String(DownloadKt._download(wizard.uploadStep.template), StandardCharsets.UTF_8)
                    .lines().toList();
            assertThat(csv).hasSize(1 + ImportTemplate.EXAMPLE_ROWS);
            assertThat("\uFEFF" + String.join(",", rows.header())).isEqualTo(csv.getFirst());
        }
    }

    @Test
    void an_import_whose_every_row_failed_looks_failed_not_amber() throws InterruptedException {
        String status = launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance",
                prefix + "-F1,nowhere,1", prefix + "-F2,nowhere,2"), "bad.csv");
        assertThat(status).isEqualTo("COMPLETED_WITH_ERRORS");

        Span badge = ImportDisplay.badge(queries.get(lastJob));

        assertThat(badge.getText()).isEqualTo("All rows failed");
        assertThat(badge.getElement().getAttribute("data-status")).isEqualTo("FAILED");
    }

    ImportWizard toUpload() {
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);
        return wizard;
    }

    ImportWizard toMapping(byte[] file, String name) {
        ImportWizard wizard = toUpload();
        UploadKt._upload(wizard.uploadStep.upload, name, "text/csv", file);
        _click(wizard.next);
        assertThat(wizard.currentStep()).isEqualTo(2);
        return wizard;
    }

    List<Long> jobIds() {
        return jdbc.sql("select id from import_job where project_id = ? order by id")
                .param(project.id().value()).query(Long.class).list();
    }

    List<String> draftFiles() {
        return jdbc.sql("select stored_file_id from import_draft where project_id = ?")
                .param(project.id().value()).query(String.class).list();
    }
}

package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportType;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The wizard walked through its components on real files, as a project admin of a project of its own. */
class ImportWizardTest extends KaribuTest {

    @Autowired
    ImportTestSupport support;
    @Autowired
    OwnerJdbc jdbc;
    @Autowired
    FileStore files;

    TestProject project;
    String prefix;

    @BeforeEach
    void project() {
        project = support.newProject();
        support.arbitraryPool(project.id(), "flex", false);
        support.fixedPool(project.id(), "gold", "1000");
        prefix = ImportFiles.unique();
        login(project.admin());
    }

    byte[] goodAndBadRows() {
        return ImportFiles.utf8("Card number,Pool system name,Card balance,Status",
                prefix + "-1,flex,10.50,CanBeUsed",
                prefix + "-2,gold,999,Inactive",            // a fixed pool of 1000: the balance fails
                prefix + "-3,nowhere,5,",                   // no such pool
                prefix + "-4,flex,abc,",                    // not an amount
                prefix + "-5,gold,1000,");
    }

    @Test
    void the_wizard_goes_from_the_action_to_a_launched_import_and_shows_what_each_step_needs() throws Exception {
        ImportWizard wizard = navigate(ImportWizard.class);

        // step 1: the catalogue, preselected
        assertThat(wizard.stepper.stateOf(0)).isEqualTo("current");
        assertThat(wizard.chooseStep.type.getValue()).isEqualTo(ImportType.LOYALTY_GIFT_CARDS);
        assertThat(wizard.chooseStep.type.getItemLabelGenerator().apply(ImportType.LOYALTY_GIFT_CARDS))
                .isEqualTo("Loyalty → Gift cards");
        assertThat(wizard.chooseStep.action.getValue()).isEqualTo(ImportAction.ADD_GIFT_CARDS);
        assertThat(wizard.chooseStep.action.getItemLabelGenerator().apply(ImportAction.ADD_GIFT_CARDS))
                .isEqualTo("Add gift cards");
        _click(wizard.next);

        // step 2: the field table, the template and the upload; Next needs a file
        assertThat(wizard.stepper.stateOf(0)).isEqualTo("done");
        assertThat(wizard.stepper.stateOf(1)).isEqualTo("current");
        assertThat(GridKt._findAll(wizard.uploadStep.fields)).containsExactly(GiftCardField.values());
        assertThat(GridKt._getFormattedRow(wizard.uploadStep.fields, GiftCardField.CARD_NUMBER))
                .startsWith("Card number", "Required");
        assertThat(new String(DownloadKt._download(wizard.uploadStep.template), StandardCharsets.UTF_8))
                .startsWith("\uFEFFCard number,Pool system name,Gift card CVV,Card balance,");
        _click(wizard.next);
        assertThat(wizard.messageLines()).containsExactly("Upload a file to go on.");
        assertThat(wizard.stepper.stateOf(1)).isEqualTo("current");

        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", goodAndBadRows());

        assertThat(wizard.uploadStep.encoding.getValue()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(wizard.uploadStep.delimiter.getValue()).isEqualTo(',');
        assertThat(wizard.uploadStep.rows.getText()).isEqualTo("5 data rows");
        assertThat(wizard.uploadStep.problems.isVisible()).isFalse();
        assertThat(GridKt._size(wizard.uploadStep.sample)).isEqualTo(5);
        assertThat(wizard.uploadStep.sample.getColumnByKey("c1").getHeaderText()).isEqualTo("Pool system name");
        _click(wizard.next);

        // step 3: one line per column, auto-mapped by name
        assertThat(wizard.stepper.stateOf(2)).isEqualTo("current");
        List<MappingStep.Line> lines = GridKt._findAll(wizard.mappingStep.grid);
        assertThat(lines).extracting(l -> l.header)
                .containsExactly("Card number", "Pool system name", "Card balance", "Status");
        assertThat(lines).extracting(l -> l.field).containsExactly(GiftCardField.CARD_NUMBER, GiftCardField.POOL,
                GiftCardField.BALANCE, GiftCardField.STATUS);
        assertThat(lines.get(0).samples).isEqualTo(prefix + "-1 · " + prefix + "-2 · " + prefix + "-3");
        assertThat(lines.get(0).confidence).isGreaterThan(0.8);
        assertThat(wizard.mappingStep.required.getElement().getAttribute("data-complete")).isEqualTo("true");
        _click(wizard.next);

        // step 4: the first rows under the field names, failing cells marked with the reason
        assertThat(wizard.stepper.stateOf(3)).isEqualTo("current");
        assertThat(wizard.launch.isVisible()).isTrue();
        assertThat(wizard.next.isVisible()).isFalse();
        Grid<?> preview = wizard.previewStep.grid;
        assertThat(preview.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("Row", "Card number", "Pool system name", "Card balance", "Gift card status",
                        "Problems");
        assertThat(GridKt._size(preview)).isEqualTo(5);
        assertThat(wizard.previewStep.summary.getText()).startsWith("The first 5 rows of the file: 2 would be "
                + "imported, 3 would fail.");
        Div okBalance = cell(preview, 0, "BALANCE");
        assertThat(okBalance.getClassNames()).doesNotContain("gci-cell-error");
        Div fixedBalance = cell(preview, 1, "BALANCE");
        assertThat(fixedBalance.getClassNames()).contains("gci-cell-error");
        assertThat(fixedBalance.getTitle()).hasValueSatisfying(t -> assertThat(t).contains("1000"));
        Div unknownPool = cell(preview, 2, "POOL");
        assertThat(unknownPool.getClassNames()).contains("gci-cell-error");
        assertThat(unknownPool.getElement().getTextRecursively()).contains("nowhere");
        assertThat(cell(preview, 3, "BALANCE").getClassNames()).contains("gci-cell-error");

        // launch: 3 of the 5 rows would fail, so it asks first; then one job, then the result page
        awaitUi(() -> {
            wizard.previewStep.check.refresh();
            return !wizard.previewStep.check.check().running();
        });
        _click(wizard.launch);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        ImportResultView result = _get(ImportResultView.class);
        List<Long> jobs = jobIds();
        assertThat(jobs).hasSize(1);
        ImportJobId job = new ImportJobId(jobs.getFirst());
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("imports/" + job);
        assertThat(support.awaitEnd(job, Duration.ofSeconds(60))).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(result.title.getText()).isEqualTo("Import " + job + " · cards.csv");
    }

    @Test
    void next_is_refused_with_the_reason_while_a_required_field_has_no_column() {
        ImportWizard wizard = toMapping(goodAndBadRows());
        ComboBox<GiftCardField> balance = fieldBox(wizard, 2);

        _setValue(balance, null);
        _click(wizard.next);

        assertThat(wizard.stepper.stateOf(2)).isEqualTo("current");
        assertThat(wizard.messageLines())
                .containsExactly("The required field \"Card balance\" is not mapped to any column");
        assertThat(wizard.mappingStep.required.getText()).contains("✗ Card balance");

        _setValue(fieldBox(wizard, 2), GiftCardField.BALANCE);
        _click(wizard.next);
        assertThat(wizard.stepper.stateOf(3)).isEqualTo("current");
    }

    @Test
    void choosing_a_field_another_column_has_takes_it_from_that_column() {
        ImportWizard wizard = toMapping(goodAndBadRows());

        _setValue(fieldBox(wizard, 3), GiftCardField.BALANCE);   // "Status" column now fills the balance

        List<MappingStep.Line> lines = GridKt._findAll(wizard.mappingStep.grid);
        assertThat(lines.get(3).field).isEqualTo(GiftCardField.BALANCE);
        assertThat(lines.get(2).field).isNull();
        assertThat(lines.get(2).imported).isFalse();
        assertThat(wizard.mappingStep.mapping().problems()).isEmpty();
        assertThat(wizard.mappingStep.mapping().columnOf(GiftCardField.BALANCE)).isEqualTo(3);
    }

    @Test
    void an_unticked_column_is_not_imported_and_back_and_next_keep_the_mapping() {
        ImportWizard wizard = toMapping(goodAndBadRows());

        _setValue(importBox(wizard, 3), false);
        _click(wizard.back);
        assertThat(wizard.stepper.stateOf(1)).isEqualTo("current");
        assertThat(wizard.uploadStep.rows.getText()).isEqualTo("5 data rows");
        _click(wizard.next);

        assertThat(wizard.mappingStep.mapping().field(3)).isEmpty();
        assertThat(GridKt._findAll(wizard.mappingStep.grid).get(3).field).isEqualTo(GiftCardField.STATUS);
        _click(wizard.next);
        assertThat(wizard.previewStep.grid.getColumns()).extracting(Grid.Column::getHeaderText)
                .doesNotContain("Gift card status");
    }

    @Test
    void a_windows_1251_file_is_detected_and_an_encoding_or_delimiter_override_redraws_the_sample_at_once() {
        ImportWizard wizard = toUpload();
        UploadKt._upload(wizard.uploadStep.upload, "карты.csv", "text/csv", ImportFiles.windows1251(
                "Номер карты;Пул;Баланс;Статус",
                prefix + "-1;flex;1 000,50;Активна",
                prefix + "-2;flex;250,5;Неактивна"));

        assertThat(wizard.uploadStep.encoding.getValue()).isEqualTo(Charset.forName("windows-1251"));
        assertThat(wizard.uploadStep.delimiter.getValue()).isEqualTo(';');
        assertThat(wizard.uploadStep.sample.getColumnByKey("c0").getHeaderText()).isEqualTo("Номер карты");
        assertThat(GridKt._getFormattedRow(wizard.uploadStep.sample, GridKt._get(wizard.uploadStep.sample, 0)))
                .contains("1 000,50", "Активна");

        _setValue(wizard.uploadStep.encoding, Charset.forName("KOI8-R"));
        assertThat(wizard.uploadStep.encoding.getValue()).isEqualTo(Charset.forName("KOI8-R"));
        assertThat(wizard.uploadStep.sample.getColumnByKey("c0").getHeaderText()).isNotEqualTo("Номер карты");

        _setValue(wizard.uploadStep.encoding, Charset.forName("windows-1251"));
        _setValue(wizard.uploadStep.delimiter, ',');
        assertThat(wizard.uploadStep.sample.getColumnByKey("c0").getHeaderText()).isEqualTo("Номер карты;Пул;Баланс;Статус");
        assertThat(wizard.uploadStep.sample.getColumnByKey("c1")).isNull();

        _setValue(wizard.uploadStep.delimiter, ';');
        _click(wizard.next);
        assertThat(GridKt._findAll(wizard.mappingStep.grid)).extracting(l -> l.field)
                .containsExactly(GiftCardField.CARD_NUMBER, GiftCardField.POOL, GiftCardField.BALANCE,
                        GiftCardField.STATUS);
    }

    @Test
    void a_file_that_is_not_text_is_refused_at_the_upload_step_with_a_clear_message() {
        ImportWizard wizard = toUpload();

        UploadKt._upload(wizard.uploadStep.upload, "picture.csv", "text/csv", ImportFiles.png());

        assertThat(wizard.uploadStep.problems.isVisible()).isTrue();
        assertThat(wizard.uploadStep.problems.getElement().getTextRecursively()).contains("cannot be imported");
        _click(wizard.next);
        assertThat(wizard.stepper.stateOf(1)).isEqualTo("current");
        assertThat(wizard.messageLines()).isNotEmpty()
                .allSatisfy(m -> assertThat(m).startsWith("This file cannot be imported: "));
    }

    @Test
    void a_double_click_on_launch_makes_one_job() {
        // rows that all import: Launch never stops to ask, however far the whole-file check has got
        ImportWizard wizard = toMapping(ImportFiles.utf8("Card number,Pool system name,Card balance,Status",
                prefix + "-1,flex,10.50,CanBeUsed", prefix + "-5,gold,1000,"));
        _click(wizard.next);

        _click(wizard.launch);
        assertThat(wizard.launch.isEnabled()).as("disabled on click").isFalse();
        wizard.launch.click();   // a second click that reached the server anyway

        assertThat(jobIds()).hasSize(1);
    }

    @Test
    void cancel_asks_first_and_then_leaves_no_file_no_draft_and_no_job() {
        ImportWizard wizard = toUpload();
        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", goodAndBadRows());
        StoredFile uploaded = wizard.uploadedFile();
        assertThat(files.exists(project.id(), uploaded.id())).isTrue();

        _click(wizard.cancel);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        _get(ImportsView.class);
        assertThat(files.exists(project.id(), uploaded.id())).isFalse();
        assertThat(jobIds()).isEmpty();
        assertThat(jdbc.sql("select count(*) from import_draft where project_id = ?").param(project.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_second_upload_replaces_the_first_once_confirmed_and_leaves_no_stray_file() {
        ImportWizard wizard = toUpload();
        UploadKt._upload(wizard.uploadStep.upload, "first.csv", "text/csv", goodAndBadRows());
        StoredFile first = wizard.uploadedFile();

        UploadKt._upload(wizard.uploadStep.upload, "second.csv", "text/csv", goodAndBadRows());
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(files.exists(project.id(), first.id())).isFalse();
        assertThat(wizard.uploadedFile().originalName()).isEqualTo("second.csv");
        assertThat(wizard.uploadStep.fileName.getText()).startsWith("second.csv");
    }

    @Test
    void an_account_manager_cannot_open_the_wizard() {
        login(project.manager());

        UI.getCurrent().navigate("imports/new");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_find(ImportWizard.class)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    ImportWizard toUpload() {
        ImportWizard wizard = navigate(ImportWizard.class);
        _click(wizard.next);
        return wizard;
    }

    ImportWizard toMapping(byte[] file) {
        ImportWizard wizard = toUpload();
        UploadKt._upload(wizard.uploadStep.upload, "cards.csv", "text/csv", file);
        _click(wizard.next);
        assertThat(wizard.stepper.stateOf(2)).isEqualTo("current");
        return wizard;
    }

    @SuppressWarnings("unchecked")
    static ComboBox<GiftCardField> fieldBox(ImportWizard wizard, int row) {
        return (ComboBox<GiftCardField>) GridKt._getCellComponent(wizard.mappingStep.grid, row, "field");
    }

    static com.vaadin.flow.component.checkbox.Checkbox importBox(ImportWizard wizard, int row) {
        return (com.vaadin.flow.component.checkbox.Checkbox) GridKt._getCellComponent(wizard.mappingStep.grid, row,
                "import");
    }

    static Div cell(Grid<?> grid, int row, String key) {
        Component component = GridKt._getCellComponent(grid, row, key);
        return (Div) component;
    }

    /** Lets the UI run until {@code condition} holds (the check runs in the background). */
    static void awaitUi(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(25)).until(condition::getAsBoolean);
    }

    List<Long> jobIds() {
        return jdbc.sql("select id from import_job where project_id = ? order by id")
                .param(project.id().value()).query(Long.class).list();
    }
}

package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.KeptCard;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.file.StoredFile;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status update through the wizard, and the undo on the result page, walked through with Karibu. */
class StatusUpdateAndUndoUiTest extends ImportUiTest {

    @BeforeEach
    void threeCardsImported() throws Exception {
        login(project.admin());
        assertThat(launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance",
                prefix + "-1,flex,10", prefix + "-2,flex,10", prefix + "-3,flex,10"), "cards.csv"))
                .isEqualTo("COMPLETED");
    }

    @Test
    void the_wizard_updates_statuses_with_its_two_fields_auto_mapped_and_marks_unknown_cards_in_review() {
        ImportWizard wizard = navigate(ImportWizard.class);
        wizard.chooseStep.action.setValue(ImportAction.UPDATE_GIFT_CARD_STATUSES);
        _click(wizard.next);

        assertThat(GridKt._findAll(wizard.uploadStep.fields))
                .containsExactly(GiftCardField.CARD_NUMBER, GiftCardField.STATUS);
        assertThat(GridKt._getFormattedRow(wizard.uploadStep.fields, GiftCardField.STATUS))
                .startsWith("Gift card status", "Required");
        assertThat(new String(DownloadKt._download(wizard.uploadStep.template), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFCard number,Gift card status\r\nGC-000001,CanBeUsed\r\nGC-000002,Inactive\r\n");
        UploadKt._upload(wizard.uploadStep.upload, "block.csv", "text/csv", ImportFiles.utf8(
                "Номер карты,Pool system name,Статус", prefix + "-1,flex,Заблокирована", prefix + "-404,flex,Blocked"));
        _click(wizard.next);

        assertThat(GridKt._findAll(wizard.mappingStep.grid)).extracting(l -> l.field)
                .containsExactly(GiftCardField.CARD_NUMBER, null, GiftCardField.STATUS);
        assertThat(wizard.mappingStep.required.getText())
                .isEqualTo("Required fields: ✓ Card number ← Номер карты   ✓ Gift card status ← Статус");
        _click(wizard.next);

        Grid<?> preview = wizard.previewStep.grid;
        assertThat(preview.getColumns()).extracting(Grid.Column::getHeaderText)
                .containsExactly("Row", "Card number", "Gift card status", "Problems");
        assertThat(wizard.previewStep.summary.getText()).startsWith("The first 2 rows of the file: 1 would be "
                + "imported, 1 would fail.");
        awaitCheck(wizard.previewStep.check);
        _click(wizard.launch);
        ConfirmDialog question = _get(ConfirmDialog.class);   // half of the rows would fail: Launch asks first
        assertThat(question.getElement().getProperty("message"))
                .isEqualTo("1 of the 2 rows checked would fail. Launch the import anyway?");
        ConfirmDialogKt._fireConfirm(question);

        ImportResultView result = _get(ImportResultView.class);
        ImportJobId job = new ImportJobId(Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation()
                .getPath().substring("imports/".length())));
        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("COMPLETED_WITH_ERRORS");
        UI.getCurrent().navigate("imports/" + job);
        result = _get(ImportResultView.class);
        assertThat(result.fact("Import")).isEqualTo("Loyalty → Gift cards · Update gift card statuses");
        assertThat(result.fact("Imported")).isEqualTo("1");
        assertThat(result.fact("Failed")).isEqualTo("1");
        assertThat(status(prefix + "-1")).isEqualTo("BLOCKED");
    }

    @Test
    void the_undo_asks_first_says_how_many_cards_it_deletes_then_shows_its_progress_and_the_kept_cards() {
        ImportJobId add = lastJob;
        blockByFile(prefix + "-2");
        UI.getCurrent().navigate("imports/" + add);
        ImportResultView page = _get(ImportResultView.class);
        assertThat(page.undoPanel.button.isVisible()).isTrue();
        assertThat(page.undoPanel.line.isVisible()).isFalse();

        _click(page.undoPanel.button);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("message")).isEqualTo("It will delete 2 cards that the import "
                + "created and nobody changed since. 1 card changed since the import and will be kept and listed. "
                + "An import is undone only once.");
        ConfirmDialogKt._fireConfirm(dialog);

        awaitUi("the end of the undo", () -> {
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
            return !page.undoPanel.bar.isVisible();
        });
        assertThat(page.undoPanel.line.getText()).isEqualTo("Undone by Admin of " + project.slug()
                + ": 2 undone, 1 kept");
        assertThat(page.undoPanel.button.isVisible()).isFalse();
        assertThat(GridKt._findAll(page.undoPanel.kept)).extracting(KeptCard::cardNumber, KeptCard::reason)
                .containsExactly(tuple(prefix + "-2",
                        "Its status changed since the import (now Blocked)"));
        assertThat(jdbc.sql("select count(*) from gift_card where import_job_id = ?").param(add.value())
                .query(Long.class).single()).isEqualTo(1);

        UI.getCurrent().navigate(ImportsView.class);
        ImportsView list = _get(ImportsView.class);
        assertThat(GridKt._findAll(list.grid)).filteredOn(j -> j.id().equals(add)).singleElement()
                .satisfies(j -> assertThat(ImportDisplay.undoLine(j.undo())).isEqualTo(page.undoPanel.line.getText()));
    }

    @Test
    void an_account_manager_sees_the_undo_but_no_undo_button() {
        UI.getCurrent().navigate("imports/" + lastJob);
        assertThat(_get(ImportResultView.class).undoPanel.button.isVisible()).isTrue();

        login(project.manager());
        UI.getCurrent().navigate("imports/" + lastJob);
        assertThat(_get(ImportResultView.class).undoPanel.button.isVisible()).isFalse();
    }

    private void blockByFile(String number) {
        StoredFile file = inspection.upload(new ByteArrayInputStream(("Card number,Status\n" + number + ",Blocked\n")
                .getBytes(StandardCharsets.UTF_8)), "block.csv");
        ImportJobId job = launcher.launch(new LaunchRequest(file, new FileFormat(StandardCharsets.UTF_8, ','),
                ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.STATUS), 2), null,
                ImportAction.UPDATE_GIFT_CARD_STATUSES)).id();
        assertThat(support.awaitEnd(job, TIMEOUT)).isEqualTo("COMPLETED");
    }

    private String status(String number) {
        return jdbc.sql("select status from gift_card where project_id = ? and card_number = ?")
                .params(project.id().value(), number).query(String.class).single();
    }
}

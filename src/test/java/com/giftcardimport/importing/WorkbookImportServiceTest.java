package com.giftcardimport.importing;

import static com.giftcardimport.importing.Workbooks.row;
import static com.giftcardimport.importing.Workbooks.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.draft.WizardDraft;
import com.giftcardimport.importing.draft.WizardDrafts;
import com.giftcardimport.importing.file.FileReferences;
import com.giftcardimport.importing.file.FileStore;
import com.giftcardimport.importing.file.StoredFile;
import com.giftcardimport.importing.sniff.SniffResult;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Excel workbooks imported through the use-case services on real PostgreSQL, and the wizard's drafts: the person's
 * own in the current project, keeping their upload from the sweeper until they expire.
 */
class WorkbookImportServiceTest extends ImportServiceTestBase {

    @Autowired
    WizardDrafts drafts;
    @Autowired
    List<FileReferences> references;
    @Autowired
    FileStore files;

    @Test
    void a_chosen_sheet_imports_with_date_cells_as_purchase_dates_and_a_card_number_that_lost_digits_failing()
            throws Exception {
        TestProject project = support.adminOfNewProject();
        byte[] workbook = Workbooks.xlsx(
                sheet("Summary", row("Nothing here")),
                sheet("Cards", row("Card number", "Pool system name", "Card balance", "Card purchase date (UTC)"),
                        row("X-1", "flex", 10.5, LocalDateTime.of(2024, 5, 31, 14, 30, 15)),
                        null,
                        row(1234567890123456L, "flex", 5, null),
                        row("X-2", "flex", 1000, LocalDate.of(2024, 2, 29))));
        StoredFile file = inspection.upload(new ByteArrayInputStream(workbook), "cards.xlsx");

        SniffResult first = inspection.inspect(file.id(), Optional.empty(), Optional.empty());
        assertThat(first.sheets()).containsExactly("Summary", "Cards");
        SniffResult cards = inspection.inspect(file.id(), FileFormat.workbook("Cards"));
        assertThat(cards.ok()).isTrue();
        ColumnMapping mapping = inspection.suggestMapping(file.id(), cards.detected()).mapping();
        ImportSummary summary = support.launchAndAwait(new LaunchRequest(file, cards.detected(), mapping, null));

        assertThat(summary.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(summary.importedRows()).isEqualTo(2);
        assertThat(summary.format()).isEqualTo(FileFormat.workbook("Cards"));
        assertThat(queries.errors(summary.id(), 0, 10)).singleElement().satisfies(error -> {
            assertThat(error.rowNumber()).isEqualTo(4);   // the sheet's own row: row 3 is empty
            assertThat(error.code()).isEqualTo(RowErrorCodes.CARD_NUMBER_SCIENTIFIC_NOTATION);
            assertThat(error.value()).isEqualTo("1.23456789012346E+15");
        });
        Map<String, Object> x1 = jdbc.sql("select balance, purchased_at from gift_card where project_id = ? "
                + "and card_number = 'X-1'").param(project.id().value()).query().singleRow();
        assertThat(x1.get("balance").toString()).isEqualTo("10.50");
        assertThat(((Timestamp) x1.get("purchased_at")).toInstant()).isEqualTo(Instant.parse("2024-05-31T14:30:15Z"));
    }

    @Test
    void a_draft_is_the_persons_own_in_the_current_project_and_keeps_its_upload_until_it_expires() {
        TestProject project = support.newProject();
        TestProject other = support.newProject();
        support.loginAs(project.admin(), project.id());
        StoredFile file = support.upload("Card number\nA-1\n");
        drafts.save(new WizardDraft(ImportAction.ADD_GIFT_CARDS, 2, file, null, ';', null,
                ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER), 1)));

        assertThat(drafts.find()).hasValueSatisfying(draft -> {
            assertThat(draft.step()).isEqualTo(2);
            assertThat(draft.file().id()).isEqualTo(file.id());
            assertThat(draft.delimiter()).isEqualTo(';');
            assertThat(draft.mapping().field(0)).contains(GiftCardField.CARD_NUMBER);
        });
        assertThat(claimed(project, file)).isTrue();

        support.loginAs(other.admin(), other.id());
        assertThat(drafts.find()).isEmpty();
        assertThatThrownBy(() -> drafts.save(new WizardDraft(ImportAction.ADD_GIFT_CARDS, 1, file, null, null, null,
                null))).isInstanceOf(IllegalArgumentException.class);

        support.loginAs(project.admin(), project.id());
        jdbc.sql("update import_draft set updated_at = now() - interval '25 hours' where project_id = ?")
                .param(project.id().value()).update();
        assertThat(claimed(project, file)).as("an expired draft keeps nothing").isFalse();
        assertThat(drafts.find()).isEmpty();
        assertThat(jdbc.sql("select count(*) from import_draft where project_id = ?").param(project.id().value())
                .query(Long.class).single()).as("deleted when the wizard looked").isZero();
    }

    @Test
    void discarding_a_draft_deletes_its_upload_and_a_launch_keeps_it_for_the_import() {
        TestProject project = support.adminOfNewProject();
        StoredFile dropped = support.upload("Card number\nA-1\n");
        drafts.save(new WizardDraft(ImportAction.ADD_GIFT_CARDS, 1, dropped, null, null, null, null));

        drafts.discard();

        assertThat(files.exists(project.id(), dropped.id())).isFalse();
        assertThat(drafts.find()).isEmpty();
    }

    private boolean claimed(TestProject project, StoredFile file) {
        return references.stream().anyMatch(r -> r.isReferenced(project.id(), file.id()));
    }
}

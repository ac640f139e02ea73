package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.giftcardimport.importing.ImportTestSupport.ADD;
import static com.giftcardimport.importing.ImportTestSupport.CARDS;
import static com.giftcardimport.importing.ImportTestSupport.TIMEOUT;
import static com.giftcardimport.importing.ImportTestSupport.UPDATE;
import static com.giftcardimport.importing.ImportTestSupport.utf8;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.importing.file.StoredFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Updates of gift card statuses from a file (SPEC §13), through the use-case services, on real PostgreSQL. */
class StatusUpdateServiceTest extends ImportServiceTestBase {

    static final String STATUSES = "Номер карты,Статус\n";

    @Autowired
    DirectImport direct;

    @Test
    void the_statuses_of_the_projects_cards_change_and_each_previous_status_is_remembered() throws Exception {
        TestProject project = projectWithCards("S-1,flex,10,Inactive\nS-2,flex,10,Inactive\nS-3,flex,10,Blocked\n");

        ImportSummary update = support.importCsv(
                STATUSES + "S-1,CanBeUsed\ns-2,x\nS-2,заблокирована\nS-3,  can_be_used \n",
                ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);

        assertThat(update.action()).isEqualTo(ImportAction.UPDATE_GIFT_CARD_STATUSES);
        assertThat(update.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(support.cards(project)).isEqualTo("S-1=CAN_BE_USED S-2=BLOCKED S-3=CAN_BE_USED");
        assertThat(update.importedRows()).isEqualTo(3);
        assertThat(update.failedRows()).isEqualTo(1);
        assertThat(queries.errors(update.id(), 0, 10)).extracting(RowError::code).containsExactly("STATUS_UNKNOWN");
        assertThat(jdbc.sql("""
                        select string_agg(g.card_number || ':' || c.previous_status || '>' || c.new_status, ' '
                                          order by c.row_number)
                          from import_status_change c join gift_card g on g.id = c.gift_card_id where c.job_id = ?
                        """)
                .param(update.id().value()).query(String.class).single())
                .isEqualTo("S-1:INACTIVE>CAN_BE_USED S-2:INACTIVE>BLOCKED S-3:BLOCKED>CAN_BE_USED");
    }

    @Test
    void unknown_numbers_and_numbers_of_another_project_fail_with_the_same_message() throws Exception {
        TestProject other = projectWithCards("THEIRS-1,flex,10,Inactive\n");
        TestProject project = projectWithCards("MINE-1,flex,10,Inactive\n");

        ImportSummary update = support.importCsv(STATUSES + "THEIRS-1,Blocked\nNOWHERE-1,Blocked\nMINE-1,Blocked\n",
                ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);

        List<RowError> errors = queries.errors(update.id(), 0, 10);
        assertThat(errors).extracting(RowError::code).containsExactly("CARD_NOT_FOUND", "CARD_NOT_FOUND");
        assertThat(errors.get(0).message()).isEqualTo(errors.get(1).message().replace("NOWHERE-1", "THEIRS-1"))
                .isEqualTo("Card number 'THEIRS-1' does not exist in this project: check the number");
        assertThat(update.importedRows()).isEqualTo(1);
        assertThat(support.cards(other)).isEqualTo("THEIRS-1=INACTIVE");
        assertThat(support.cards(project)).isEqualTo("MINE-1=BLOCKED");
    }

    @Test
    void a_card_listed_twice_takes_the_first_rows_status_and_the_later_rows_fail() throws Exception {
        TestProject project = projectWithCards("D-1,flex,10,Inactive\nD-2,flex,10,Blocked\n");

        ImportSummary update = support.importCsv(STATUSES + "D-1,Blocked\nD-2,Blocked\nD-1,CanBeUsed\nD-2,Inactive\n",
                ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);

        assertThat(support.cards(project)).isEqualTo("D-1=BLOCKED D-2=BLOCKED");
        assertThat(messages(update)).containsExactly(
                "4 Номер карты: Card number 'D-1' duplicates row 2 of this file",
                "5 Номер карты: Card number 'D-2' duplicates row 3 of this file");
    }

    @Test
    void a_row_naming_the_cards_current_status_counts_as_unchanged_and_the_counters_add_up() throws Exception {
        projectWithCards("U-1,flex,10,Blocked\nU-2,flex,10,Inactive\n");

        ImportSummary update = support.importCsv(STATUSES + "U-1,Blocked\nU-2,Blocked\nU-3,Blocked\n",
                ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);

        assertThat(update.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(List.of(update.importedRows(), update.unchangedRows(), update.failedRows(), update.totalRows()))
                .containsExactly(1L, 1L, 1L, 3L);
        assertThat(update.notProcessedRows()).contains(0L);
        assertThat(jdbc.sql("select status_revision from gift_card where card_number = 'U-1' and project_id = ?")
                .param(update.projectId().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void a_status_update_needs_both_columns_and_imports_no_other_field() throws Exception {
        projectWithCards("M-1,flex,10,Inactive\n");
        StoredFile onlyNumbers = support.upload("Card number,Card balance\nM-1,5\n");

        assertThatThrownBy(() -> launcher.launch(new LaunchRequest(onlyNumbers, utf8(),
                ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.BALANCE), 2), null,
                ImportAction.UPDATE_GIFT_CARD_STATUSES)))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("The required field \"Gift card status\" is not mapped to any column")
                .hasMessageContaining("The field \"Card balance\" is not part of \"Update gift card statuses\"");
    }

    @Test
    void an_empty_status_fails_its_row_instead_of_meaning_inactive() throws Exception {
        TestProject project = projectWithCards("E-1,flex,10,Blocked\n");

        ImportSummary update = support.importCsv(STATUSES + "E-1,\n", ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);

        assertThat(queries.errors(update.id(), 0, 10)).extracting(RowError::code).containsExactly("STATUS_MISSING");
        assertThat(support.cards(project)).isEqualTo("E-1=BLOCKED");
    }

    @Test
    void the_api_way_auto_maps_the_two_fields_of_a_status_update() throws Exception {
        TestProject project = projectWithCards("A-1,flex,10,Inactive\n");

        LaunchOutcome outcome = direct.importFile(new DirectImport.Request(inspection.receive(new ByteArrayInputStream(
                "Card No,Pool,Status\nA-1,flex,Blocked\n".getBytes(StandardCharsets.UTF_8)), "statuses.csv"),
                Optional.empty(), Optional.empty(), Optional.empty(), null,
                ImportAction.UPDATE_GIFT_CARD_STATUSES)).launch();
        support.awaitEnd(outcome.id(), TIMEOUT);

        ImportSummary update = queries.get(outcome.id());
        assertThat(update.mappedColumns()).extracting(c -> c.column() + "=" + c.field().map(Enum::name).orElse("-"))
                .containsExactly("Card No=CARD_NUMBER", "Pool=-", "Status=STATUS");
        assertThat(support.cards(project)).isEqualTo("A-1=BLOCKED");
    }

    @Test
    void the_preview_of_a_status_update_marks_unknown_numbers() throws Exception {
        projectWithCards("P-1,flex,10,Inactive\n");
        StoredFile file = support.upload(STATUSES + "P-1,Blocked\nP-404,Blocked\n");

        ImportPreview preview = inspection.preview(file.id(), utf8(), UPDATE, 10,
                ImportAction.UPDATE_GIFT_CARD_STATUSES);

        assertThat(preview.mappingProblems()).isEmpty();
        assertThat(preview.rows()).extracting(row -> row.errors().stream().map(RowError::code).toList())
                .containsExactly(List.of(), List.of("CARD_NOT_FOUND"));
    }

    @Test
    void a_status_update_whose_node_died_resumes_after_its_last_committed_row_and_ends_as_it_would_have()
            throws Exception {
        StringBuilder cards = new StringBuilder();
        StringBuilder file = new StringBuilder(STATUSES);
        for (int row = 2; row <= 41; row++) {
            cards.append("R-").append(row).append(",flex,10,Inactive\n");
            String number = row == 30 ? "R-10" : row % 7 == 0 ? "UNKNOWN-" + row : "R-" + row;
            file.append(number).append(',').append(row % 5 == 0 ? "Inactive" : "Blocked").append('\n');
        }
        TestProject project = projectWithCards(cards.toString());
        ImportSummary update = support.importCsv(file.toString(), ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);
        String before = snapshot(update.id());
        String statusesBefore = support.cards(project);

        // the node died after committing up to row 20: what later rows did is gone
        deadNodeHolds(project, update.id());
        jdbc.sql("""
                        update gift_card g set status = c.previous_status from import_status_change c
                         where c.job_id = ? and c.row_number > 20 and g.id = c.gift_card_id
                        """).param(update.id().value()).update();
        jdbc.sql("delete from import_status_change where job_id = ? and row_number > 20")
                .param(update.id().value()).update();
        jdbc.sql("delete from import_error where job_id = ? and row_number > 20").param(update.id().value()).update();
        jdbc.sql("""
                        update import_job set status = 'RUNNING', finished_at = null, total_rows = null,
                               last_row_number = 20,
                               imported_rows = (select count(*) from import_status_change
                                                 where job_id = ? and previous_status <> new_status),
                               unchanged_rows = (select count(*) from import_status_change
                                                  where job_id = ? and previous_status = new_status),
                               failed_rows = (select count(distinct row_number) from import_error where job_id = ?)
                         where id = ?
                        """)
                .params(update.id().value(), update.id().value(), update.id().value(), update.id().value()).update();
        support.storeFileAgain(project.id(), update.id(), file.toString());
        assertThat(snapshot(update.id())).isNotEqualTo(before);

        assertThat(support.awaitEnd(update.id(), TIMEOUT)).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(snapshot(update.id())).isEqualTo(before);
        assertThat(support.cards(project)).isEqualTo(statusesBefore);
        assertThat(jdbc.sql("select message from import_error where job_id = ? and row_number = 30")
                .param(update.id().value()).query(String.class).single())
                .isEqualTo("Card number 'R-10' duplicates row 10 of this file");
        assertThat(jdbc.sql("""
                        select imported_rows || '+' || unchanged_rows || '+' || failed_rows || '=' || total_rows
                          from import_job where id = ?
                        """).param(update.id().value()).query(String.class).single()).isEqualTo("28+6+6=40");
    }

    // ---------------------------------------------------------------- helpers

    /** A new project with a pool "flex" and the given cards (added by an import), its admin logged in. */
    TestProject projectWithCards(String rows) throws Exception {
        TestProject project = support.adminOfNewProject();
        ImportSummary added = support.importCsv(CARDS + rows, ImportAction.ADD_GIFT_CARDS, ADD);
        assertThat(added.failedRows()).isZero();
        return project;
    }

    List<String> messages(ImportSummary job) {
        return queries.errors(job.id(), 0, 100).stream()
                .map(e -> e.rowNumber() + " " + e.column() + ": " + e.message()).toList();
    }

    String snapshot(ImportJobId job) {
        return jdbc.sql("""
                        select concat(j.status, ' ', j.imported_rows, ' ', j.unchanged_rows, ' ', j.failed_rows, ' ',
                               j.total_rows, ' ', j.last_row_number, ' | ',
                               (select string_agg(row_number || ':' || previous_status || '>' || new_status, ','
                                                  order by row_number)
                                  from import_status_change where job_id = j.id), ' | ',
                               (select string_agg(row_number || ':' || code, ',' order by row_number, seq)
                                  from import_error where job_id = j.id))
                          from import_job j where j.id = ?
                        """)
                .param(job.value()).query(String.class).single();
    }

    /** An execution of the job engine for the job, picked by a node that stopped heartbeating a minute ago. */
    void deadNodeHolds(TestProject project, ImportJobId job) {
        await().atMost(TIMEOUT).until(() -> jdbc.sql("""
                        select count(*) from scheduled_tasks where task_name = 'import' and task_instance = ?
                        """).param(Long.toString(job.value())).query(Long.class).single() == 0);
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     picked_by, last_heartbeat, version)
                        values ('import', ?, ?, now() - interval '1 minute', true, 'dead-node',
                                now() - interval '1 minute', 3)
                        """)
                .params(Long.toString(job.value()), Serializer.DEFAULT_JAVA_SERIALIZER.serialize(project.id().value()))
                .update();
    }
}

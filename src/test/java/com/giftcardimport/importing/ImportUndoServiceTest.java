package com.giftcardimport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static com.giftcardimport.importing.ImportTestSupport.ADD;
import static com.giftcardimport.importing.ImportTestSupport.CARDS;
import static com.giftcardimport.importing.ImportTestSupport.TIMEOUT;
import static com.giftcardimport.importing.ImportTestSupport.UPDATE;
import static com.giftcardimport.importing.ImportTestSupport.utf8;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.giftcardimport.card.CardNumberMask;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Undoing imports (SPEC §13), through the use-case services, on real PostgreSQL. */
class ImportUndoServiceTest extends ImportServiceTestBase {

    static final String STATUSES = "Card number,Status\n";

    @Autowired
    ImportCancellation cancellation;
    @Autowired
    ImportUndo undo;

    @Test
    void undoing_an_add_deletes_the_cards_nobody_changed_and_keeps_the_changed_ones_with_why() throws Exception {
        TestProject project = support.adminOfNewProject();
        ImportSummary add = support.importCsv(CARDS + "A-1,flex,10,Inactive\nA-2,flex,10,Inactive\n"
                + "A-3,flex,10,Inactive\n"
                + "A-4,flex,10,Inactive\nA-5,flex,10,Inactive\n", ImportAction.ADD_GIFT_CARDS, ADD);
        support.importCsv(STATUSES + "A-1,Blocked\nA-2,Inactive\n", ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);
        jdbc.sql("update gift_card set balance = 7.5 where project_id = ? and card_number = 'A-3'")
                .param(project.id().value()).update();

        assertThat(undo.preview(add.id())).isEqualTo(new UndoPreview(ImportAction.ADD_GIFT_CARDS, 3, 2));
        undo.undo(add.id());
        ImportUndoSummary done = awaitUndo(add.id());

        assertThat(done.status()).isEqualTo(ImportUndoSummary.Status.COMPLETED);
        assertThat(done.requestedBy()).isEqualTo("Admin of " + project.slug());
        assertThat(done.requestedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.requestedAt());
        assertThat(List.of(done.totalCards(), done.undoneCards(), done.keptCards()))
                .containsExactly(5L, 3L, 2L);
        assertThat(support.cards(project)).isEqualTo("A-1=BLOCKED A-3=INACTIVE");
        assertThat(undo.keptCards(add.id(), 0, 10)).extracting(KeptCard::cardNumber, KeptCard::reason)
                .containsExactly(
                        tuple("A-1", "Its status changed since the import (now Blocked)"),
                        tuple("A-3", "Its balance changed since the import (now 7.50)"));
        assertThat(queries.get(add.id()).undoable()).isFalse();

        support.loginAs(project.manager(), project.id());
        assertThat(undo.keptCards(add.id(), 0, 10)).as("an account manager sees the kept cards' numbers masked")
                .extracting(KeptCard::cardNumber).containsExactly(CardNumberMask.of("A-1"), CardNumberMask.of("A-3"))
                .doesNotContain("A-1", "A-3");
    }

    @Test
    void undoing_a_status_update_restores_the_previous_statuses_where_the_card_has_not_changed_since()
            throws Exception {
        TestProject project = support.adminOfNewProject();
        support.importCsv(CARDS + "S-1,flex,10,Inactive\nS-2,flex,10,Inactive\nS-3,flex,10,CanBeUsed\n",
                ImportAction.ADD_GIFT_CARDS, ADD);
        ImportSummary update = support.importCsv(STATUSES + "S-1,Blocked\nS-2,Blocked\nS-3,CanBeUsed\n",
                ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);
        support.importCsv(STATUSES + "S-2,CanBeUsed\n", ImportAction.UPDATE_GIFT_CARD_STATUSES, UPDATE);

        assertThat(undo.preview(update.id())).isEqualTo(
                new UndoPreview(ImportAction.UPDATE_GIFT_CARD_STATUSES, 1, 1));
        undo.undo(update.id());
        ImportUndoSummary done = awaitUndo(update.id());

        assertThat(List.of(done.undoneCards(), done.keptCards())).containsExactly(1L, 1L);
        assertThat(support.cards(project)).isEqualTo("S-1=INACTIVE S-2=CAN_BE_USED S-3=CAN_BE_USED");
        assertThat(undo.keptCards(update.id(), 0, 10)).extracting(KeptCard::reason)
                .containsExactly("Its status changed again since this update (now CanBeUsed)");
    }

    @Test
    void an_undone_import_cannot_be_undone_again() throws Exception {
        TestProject project = support.adminOfNewProject();
        ImportSummary add = support.importCsv(CARDS + "T-1,flex,10,Inactive\n", ImportAction.ADD_GIFT_CARDS, ADD);
        undo.undo(add.id());
        awaitUndo(add.id());

        assertThatThrownBy(() -> undo.undo(add.id())).isInstanceOf(ImportUndoRefusedException.class)
                .hasMessage("This import was undone already: an import is undone only once");
        assertThat(support.cards(project)).isEmpty();
    }

    @Test
    void an_import_still_running_cannot_be_undone_until_it_has_stopped() throws Exception {
        support.adminOfNewProject();
        StringBuilder csv = new StringBuilder(CARDS);
        for (int i = 0; i < 200_000; i++) {
            csv.append("BIG-").append(i).append(",flex,10,Inactive\n");
        }
        ImportJobId running = launcher.launch(new LaunchRequest(support.upload(csv.toString()), utf8(), ADD, null))
                .id();

        assertThatThrownBy(() -> undo.undo(running)).isInstanceOf(ImportUndoRefusedException.class)
                .hasMessageContaining("cannot be undone: cancel it first");
        cancellation.cancel(running);
        support.awaitEnd(running, TIMEOUT);
        undo.undo(running);
        assertThat(awaitUndo(running).status()).isEqualTo(ImportUndoSummary.Status.COMPLETED);
        assertThat(jdbc.sql("select count(*) from gift_card where import_job_id = ?").param(running.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void only_a_project_admin_undoes_and_another_projects_import_is_not_found() throws Exception {
        TestProject project = support.adminOfNewProject();
        ImportSummary add = support.importCsv(CARDS + "P-1,flex,10,Inactive\n", ImportAction.ADD_GIFT_CARDS, ADD);

        support.loginAs(project.manager(), project.id());
        assertThatThrownBy(() -> undo.undo(add.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> undo.preview(add.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(undo.keptCards(add.id(), 0, 10)).isEmpty();

        TestProject other = support.newProject();
        support.loginAs(other.admin(), other.id());
        assertThatThrownBy(() -> undo.undo(add.id())).isInstanceOf(ImportNotFoundException.class);
        assertThatThrownBy(() -> undo.preview(add.id())).isInstanceOf(ImportNotFoundException.class);
        assertThatThrownBy(() -> undo.keptCards(add.id(), 0, 10)).isInstanceOf(ImportNotFoundException.class);
        assertThat(support.cards(project)).isEqualTo("P-1=INACTIVE");
    }

    @Test
    void an_undo_whose_node_died_is_revived_elsewhere_and_resumes_after_its_last_committed_batch() throws Exception {
        TestProject project = support.adminOfNewProject();
        ImportSummary add = support.importCsv(CARDS + "R-1,flex,10,Inactive\nR-2,flex,10,Inactive\n"
                + "R-3,flex,10,Inactive\nR-4,flex,10,Inactive\n", ImportAction.ADD_GIFT_CARDS, ADD);
        long second = jdbc.sql("select id from gift_card where project_id = ? and card_number = 'R-2'")
                .param(project.id().value()).query(Long.class).single();
        // a node had committed a batch up to R-2, then died with the undo picked; R-1 is left in place to show that
        // the resumed run starts after the resume point and does not look at the committed batch's cards again
        jdbc.sql("delete from gift_card where project_id = ? and card_number = 'R-2'")
                .param(project.id().value()).update();
        jdbc.sql("""
                        insert into import_undo (job_id, project_id, requested_by_user_id, requested_by_label,
                                                 total_cards, undone_cards, last_card_id, claim)
                        values (?, ?, ?, 'Admin', 4, 2, ?, 'dead-node#3')
                        """)
                .params(add.id().value(), project.id().value(), support.userId(project.admin()), second).update();
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     picked_by, last_heartbeat, version)
                        values ('import-undo', ?, ?, now() - interval '1 minute', true, 'dead-node',
                                now() - interval '1 minute', 3)
                        """)
                .params(Long.toString(add.id().value()),
                        Serializer.DEFAULT_JAVA_SERIALIZER.serialize(project.id().value()))
                .update();

        ImportUndoSummary done = awaitUndo(add.id());

        assertThat(done.status()).isEqualTo(ImportUndoSummary.Status.COMPLETED);
        assertThat(List.of(done.undoneCards(), done.keptCards(), done.totalCards())).containsExactly(4L, 0L, 4L);
        assertThat(support.cards(project)).isEqualTo("R-1=INACTIVE");
    }

    // ---------------------------------------------------------------- helpers

    ImportUndoSummary awaitUndo(ImportJobId id) {
        await("the undo of " + id).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("select status from import_undo where job_id = ?").param(id.value())
                        .query(String.class).optional().filter(status -> !status.equals("RUNNING")).isPresent());
        return queries.get(id).undo();
    }

}

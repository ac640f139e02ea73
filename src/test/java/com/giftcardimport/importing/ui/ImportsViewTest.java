package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportProgress;
import com.giftcardimport.importing.ImportProgressBus;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.KeyMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ImportsViewTest extends ImportUiTest {

    @Autowired
    ProjectRepository projects;
    @Autowired
    ImportProgressBus bus;

    byte[] file(int rows, int bad) {
        StringBuilder csv = new StringBuilder("Card number,Pool system name,Card balance");
        for (int i = 1; i <= rows; i++) {
            csv.append("\r\n").append(prefix).append('-').append(i).append(i <= bad ? ",nowhere," : ",flex,")
                    .append(i);
        }
        return (csv + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("deprecation")   // the grid must fetch rows without a browser; Vaadin deprecates this for apps
    void an_import_launched_by_someone_else_appears_and_reaches_its_final_status_without_a_reload()
            throws Exception {
        String colleague = project.slug() + "-colleague";
        projects.putMembership(project.id(), support.user(colleague, "Colleague of " + project.slug()),
                ProjectRole.PROJECT_ADMIN);
        login(project.admin());
        ImportsView view = navigate(ImportsView.class);
        view.grid.getDataCommunicator().setRequestedRange(0, 50);
        assertThat(view.total.getText()).isEqualTo("0 imports");

        login(colleague);
        assertThat(launchAndAwait(file(6, 2), "colleague.csv")).isEqualTo("COMPLETED_WITH_ERRORS");
        login(project.admin());

        awaitUi("the list shows the colleague's import as ended", () -> view.total.getText().equals("1 import")
                && shown(view, lastJob) != null && shown(view, lastJob).status().isFinal());
        ImportSummary row = shown(view, lastJob);
        assertThat(row.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(row.launchedBy()).isEqualTo("Colleague of " + project.slug());
        assertThat(GridKt._getFormattedRow(view.grid, row)).contains("colleague.csv");
        assertThat(GridKt._getCellComponent(view.grid, 0, "rows").getElement().getTextRecursively())
                .isEqualTo("4 / 2 / 6");
        assertThat(_get(UI.class)).isSameAs(UI.getCurrent());   // same page all along: no reload
    }

    @Test
    @SuppressWarnings("deprecation")   // the grid must fetch rows without a browser; Vaadin deprecates this for apps
    void a_progress_event_of_a_running_import_updates_its_row_in_place() throws Exception {
        login(project.admin());
        launchAndAwait(file(10, 0), "running.csv");
        ImportJobId job = lastJob;
        ImportsView view = navigate(ImportsView.class);
        view.grid.getDataCommunicator().setRequestedRange(0, 50);
        awaitUi("the grid shows the import", () -> shown(view, job) != null);
        String finalState = snapshot(job);
        try {
            // the job as the runner leaves it halfway: running, 3 of 10 rows written
            jdbc.sql("update import_job set status = 'RUNNING', imported_rows = 3, failed_rows = 0, total_rows = null,"
                    + " finished_at = null where id = ?").param(job.value()).update();
            bus.publish(new ImportProgress(project.id(), job, ImportStatus.RUNNING, 3, 0, 10L, 4, Instant.now()));
            awaitUi("the row shows the running import", () -> statusShown(view, job) == ImportStatus.RUNNING);
            assertThat(shown(view, job).importedRows()).isEqualTo(3);

            jdbc.sql("update import_job set imported_rows = 7 where id = ?").param(job.value()).update();
            bus.publish(new ImportProgress(project.id(), job, ImportStatus.RUNNING, 7, 0, 10L, 8, Instant.now()));
            awaitUi("the row shows the new counters",
                    () -> shown(view, job) != null && shown(view, job).importedRows() == 7);
            assertThat(shown(view, job).progress().fraction()).isEqualTo(0.7);
        } finally {
            restore(job, finalState);
        }
    }

    @Test
    void the_list_filters_by_status_and_by_who_launched() throws Exception {
        login(project.admin());
        launchAndAwait(file(3, 0), "clean.csv");
        launchAndAwait(file(3, 1), "partly.csv");
        ImportsView view = navigate(ImportsView.class);
        assertThat(GridKt._findAll(view.grid)).extracting(ImportSummary::originalFileName)
                .containsExactly("partly.csv", "clean.csv");

        view.status.setValue(ImportStatus.COMPLETED);
        assertThat(GridKt._findAll(view.grid)).extracting(ImportSummary::originalFileName)
                .containsExactly("clean.csv");
        assertThat(view.total.getText()).isEqualTo("1 import");

        view.status.setValue(null);
        assertThat(view.launchedBy.getListDataView().getItems()).extracting(l -> l.name())
                .containsExactly("Admin of " + project.slug());
        view.launchedBy.setValue(view.launchedBy.getListDataView().getItem(0));
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        view.to.setValue(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void an_account_manager_sees_the_list_without_the_new_import_button() throws Exception {
        login(project.admin());
        launchAndAwait(file(2, 0), "cards.csv");
        login(project.manager());

        ImportsView view = navigate(ImportsView.class);

        assertThat(GridKt._findAll(view.grid)).extracting(ImportSummary::originalFileName).containsExactly("cards.csv");
        assertThat(view.newImport.isAttached()).isFalse();
    }

    @Test
    void a_project_admin_of_acme_sees_nothing_of_globex() throws Exception {
        login("bob");
        String secret = "globex-" + prefix + ".csv";
        String status = launchAndAwait(("Card number,Pool system name,Card balance\r\n" + prefix + "-G,globex-only,5\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), secret);
        assertThat(status).isEqualTo("COMPLETED");
        ImportJobId globexJob = lastJob;

        login("alice");
        ImportsView list = navigate(ImportsView.class);
        assertThat(GridKt._findAll(list.grid)).extracting(ImportSummary::originalFileName).doesNotContain(secret);
        assertThat(GridKt._findAll(list.grid)).extracting(j -> j.projectId().value())
                .doesNotContain(support.projectIdOf("globex"));
        assertThat(list.launchedBy.getListDataView().getItems()).extracting(l -> l.name())
                .doesNotContain("Bob Admin", "Bob");

        UI.getCurrent().navigate("imports/" + globexJob);
        String foreign = _get(ImportResultView.class).getElement().getTextRecursively();
        long missing = globexJob.value() + 1_000_000;
        UI.getCurrent().navigate("imports/" + missing);
        String absent = _get(ImportResultView.class).getElement().getTextRecursively();

        assertThat(foreign).contains("Import not found").doesNotContain(secret)
                .isEqualTo(absent.replace(Long.toString(missing), globexJob.toString()));
        UI.getCurrent().navigate("audit");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    // ------------------------------------------------------------------ helpers

    /** The item the grid holds for {@code job} right now (what the browser was sent), or null. */
    static ImportSummary shown(ImportsView view, ImportJobId job) {
        KeyMapper<ImportSummary> keys = (KeyMapper<ImportSummary>) view.grid.getDataCommunicator().getKeyMapper();
        return keys.objects().stream().filter(j -> j.id().equals(job)).findFirst().orElse(null);
    }

    static ImportStatus statusShown(ImportsView view, ImportJobId job) {
        ImportSummary row = shown(view, job);
        return row == null ? null : row.status();
    }

    String snapshot(ImportJobId job) {
        return jdbc.sql("select concat_ws('|', status, imported_rows, failed_rows, total_rows, finished_at) "
                + "from import_job where id = ?").param(job.value()).query(String.class).single();
    }

    void restore(ImportJobId job, String snapshot) {
        List<String> parts = List.of(snapshot.split("\\|", -1));
        jdbc.sql("update import_job set status = ?, imported_rows = ?, failed_rows = ?, total_rows = ?, "
                        + "finished_at = cast(? as timestamptz) where id = ?")
                .params(parts.get(0), Long.parseLong(parts.get(1)), Long.parseLong(parts.get(2)),
                        Long.parseLong(parts.get(3)), parts.get(4), job.value())
                .update();
    }
}

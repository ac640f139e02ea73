package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.CurrentTenant;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends ImportUiTest {

    @Autowired
    ProjectRepository projects;
    @Autowired
    CurrentTenant current;

    TestProject first;
    /** The base's project with the pool {@code flex}. */
    TestProject second;

    @BeforeEach
    void projects() {
        first = support.newProject();
        second = project;
        support.arbitraryPool(first.id(), "secure", true);
        // the first project's account manager is assigned to the second project too
        projects.putMembership(second.id(), support.userId(first.manager()), ProjectRole.ACCOUNT_MANAGER);
    }

    @Test
    void an_account_manager_sees_every_import_of_their_projects_with_project_launcher_and_result_and_no_cvv()
            throws Exception {
        login(first.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Gift card CVV,Card balance",
                prefix + "-1,secure,4821,10", prefix + "-2,secure,77,10"), "first.csv");
        login(second.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance", prefix + "-3,flex,1"),
                "second.csv");
        TestProject other = support.newProject();

        login(first.manager());
        AuditView audit = navigate(AuditView.class);

        assertThat(GridKt._findAll(audit.grid)).extracting(ImportSummary::originalFileName)
                .containsExactly("second.csv", "first.csv");
        ImportSummary row = GridKt._get(audit.grid, 1);
        assertThat(GridKt._getFormattedRow(audit.grid, row))
                .contains("Test " + first.slug(), "Admin of " + first.slug(), "first.csv")
                .noneSatisfy(cell -> assertThat(cell).contains("4821"));
        assertThat(ImportDisplay.typeAndAction(row)).isEqualTo("Loyalty → Gift cards · Add gift cards");
        assertThat(row.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(GridKt._getCellComponent(audit.grid, 1, "rows").getElement().getTextRecursively())
                .isEqualTo("1 / 1 / 2");
        assertThat(audit.project.getListDataView().getItems()).extracting(Membership::projectSlug)
                .contains(first.slug(), second.slug()).doesNotContain(other.slug());
        assertThat(_find(Button.class)).noneSatisfy(b -> assertThat(b.getText()).containsIgnoringCase("import"));

        audit.project.setValue(audit.project.getListDataView().getItems()
                .filter(m -> m.projectSlug().equals(second.slug())).findFirst().orElseThrow());
        assertThat(GridKt._findAll(audit.grid)).extracting(ImportSummary::originalFileName)
                .containsExactly("second.csv");
        audit.project.setValue(null);
        audit.status.setValue(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(GridKt._findAll(audit.grid)).extracting(ImportSummary::originalFileName)
                .containsExactly("first.csv");
    }

    @Test
    void a_new_import_in_an_assigned_project_appears_in_the_open_audit_without_a_reload() throws Exception {
        login(first.manager());
        AuditView audit = navigate(AuditView.class);
        assertThat(audit.total.getText()).isEqualTo("0 imports");

        login(second.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance", prefix + "-9,flex,1"),
                "live.csv");
        login(first.manager());

        awaitUi("the audit shows the new import", () -> audit.total.getText().equals("1 import"));
        assertThat(GridKt._findAll(audit.grid)).extracting(ImportSummary::status)
                .containsExactly(ImportStatus.COMPLETED);
    }

    @Test
    void a_project_admin_cannot_open_the_audit() {
        login(first.admin());

        UI.getCurrent().navigate("audit");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_find(AuditView.class)).isEmpty();
    }

    @Test
    void opening_an_import_of_another_project_from_the_audit_switches_to_that_project() throws Exception {
        login(second.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance", prefix + "-5,flex,1"),
                "other-project.csv");
        login(first.manager());
        current.switchTo(first.id());
        AuditView audit = navigate(AuditView.class);
        ImportSummary row = GridKt._get(audit.grid, 0);
        assertThat(row.projectId()).isEqualTo(second.id());

        GridKt._clickItem(audit.grid, 0);

        ImportResultView result = _get(ImportResultView.class);
        assertThat(result.title.getText()).contains("other-project.csv");
        assertThat(current.currentMembership().orElseThrow().projectId()).isEqualTo(second.id());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Select<Membership> switcher = _get(Select.class, spec -> spec.withId("project-switcher"));
        assertThat(switcher.getValue().projectId()).isEqualTo(second.id());
    }

    @Test
    void an_import_of_a_project_the_manager_is_not_a_member_of_does_not_open_and_the_project_stays() throws Exception {
        login(second.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance", prefix + "-6,flex,1"),
                "not-yours.csv");
        ImportSummary foreign = GridKt._get(navigate(ImportsView.class).grid, 0);
        TestProject outsider = support.newProject();
        login(outsider.manager());
        AuditView audit = navigate(AuditView.class);
        NotificationsKt.clearNotifications();

        audit.open(foreign);

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AuditView.class);
        assertThat(_find(ImportResultView.class)).isEmpty();
        NotificationsKt.expectNotifications("This import is not in any of your projects.");
        assertThat(current.currentMembership().orElseThrow().projectId()).isEqualTo(outsider.id());
    }

    @Test
    void the_audit_exports_as_csv_with_its_filters_and_never_a_file_value() throws Exception {
        login(first.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Gift card CVV,Card balance",
                prefix + "-7,secure,4821,10", prefix + "-8,secure,77,10"), "=HYPERLINK(1).csv");
        login(second.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance", prefix + "-9,flex,1"),
                "second.csv");
        login(first.manager());
        AuditView audit = navigate(AuditView.class);

        List<String> all = csv(audit);
        assertThat(all.getFirst()).isEqualTo("\uFEFFProject,Import,Launched (UTC),Import type,Action,Launched by,"
                + "File,Status,Rows in the file,Imported,Unchanged,Failed,Started (UTC),Finished (UTC),Duration (s)");
        assertThat(all).hasSize(3);
        assertThat(all.get(1)).startsWith("Test " + second.slug() + ",").contains(",second.csv,Completed,1,1,0,0,");
        assertThat(all.get(2)).contains(",'=HYPERLINK(1).csv,Completed with errors,2,1,0,1,")
                .doesNotContain("4821").doesNotContain(prefix);

        audit.status.setValue(ImportStatus.COMPLETED_WITH_ERRORS);
        List<String> filtered = csv(audit);
        assertThat(filtered).hasSize(2);
        assertThat(filtered.get(1)).contains("'=HYPERLINK(1).csv");
    }

    @Test
    void the_export_speaks_russian_with_semicolons_for_a_russian_user() throws Exception {
        login(second.admin());
        launchAndAwait(ImportFiles.utf8("Card number,Pool system name,Card balance", prefix + "-4,flex,1"),
                "ru.csv");
        login(first.manager());
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        AuditView audit = navigate(AuditView.class);

        List<String> lines = csv(audit);

        assertThat(lines.getFirst()).startsWith("\uFEFFПроект;Импорт;Запущен (UTC);");
        assertThat(lines.get(1)).contains(";Лояльность → Подарочные карты;Добавить подарочные карты;")
                .contains(";ru.csv;Завершён;1;1;0;0;");
    }

    private static List<String> csv(AuditView audit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.writeCsv(out);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

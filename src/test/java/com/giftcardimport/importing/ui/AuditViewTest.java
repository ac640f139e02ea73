package com.giftcardimport.importing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.ImportTestSupport.TestProject;
import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends ImportUiTest {

    @Autowired
    ProjectRepository projects;

    TestProject first;
    TestProject second;
    String prefix;

    @BeforeEach
    void projects() {
        first = support.newProject();
        second = support.newProject();
        support.arbitraryPool(first.id(), "secure", true);
        support.arbitraryPool(second.id(), "flex", false);
        // the first project's account manager is assigned to the second project too
        projects.putMembership(second.id(), support.userId(first.manager()), ProjectRole.ACCOUNT_MANAGER);
        prefix = ImportFiles.unique();
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
}

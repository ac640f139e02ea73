package com.giftcardimport.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.importing.ImportTestSupport;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HomeViewTest extends KaribuTest {

    @Autowired
    ImportTestSupport support;
    @Autowired
    ProjectRepository projects;

    @Test
    void a_project_admin_lands_on_the_imports() {
        login("alice");

        assertThat(landing()).isEqualTo("imports");
    }

    @Test
    void an_account_manager_lands_on_the_audit() {
        login("maria");

        assertThat(landing()).isEqualTo("audit");
    }

    @Test
    void a_platform_admin_lands_on_the_administration() {
        login("root");

        assertThat(landing()).isEqualTo("admin");
    }

    @Test
    void the_role_in_the_current_project_decides_for_somebody_with_two_roles() {
        ImportTestSupport.TestProject managed = support.newProject();
        // the admin of a new project is also account manager of another one, whose key sorts first
        ImportTestSupport.TestProject other = support.newProject();
        projects.putMembership(other.id(), support.userId(managed.admin()), ProjectRole.ACCOUNT_MANAGER);
        boolean otherFirst = other.slug().compareTo(managed.slug()) < 0;

        login(managed.admin());

        assertThat(landing()).isEqualTo(otherFirst ? "audit" : "imports");
    }

    @Test
    void somebody_without_a_project_is_told_what_to_do() {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        support.user(username, "Nobody");
        login(username);

        assertThat(landing()).isEmpty();
        assertThat(_get(H2.class).getText()).isEqualTo("Welcome");
    }

    private String landing() {
        UI.getCurrent().navigate("");
        return UI.getCurrent().getActiveViewLocation().getPath();
    }
}

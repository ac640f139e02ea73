package com.giftcardimport.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.project.Project;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.UserAccount;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdministrationViewTest extends KaribuTest {

    @Test
    void a_platform_admin_creates_a_project_a_user_and_makes_the_user_admin_of_the_project() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);
        String key = "p-" + UUID.randomUUID().toString().substring(0, 8);

        _setValue(view.projectKey, key);
        _setValue(view.projectName, "Project " + key);
        _click(view.createProject);
        _setValue(view.username, "u-" + key);
        _setValue(view.displayName, "User " + key);
        _setValue(view.password, "a-long-password");
        _click(view.createUser);
        Project project = GridKt._findAll(view.projects).stream().filter(p -> p.slug().equals(key)).findFirst()
                .orElseThrow();
        UserAccount user = GridKt._findAll(view.users).stream().filter(u -> u.username().equals("u-" + key))
                .findFirst().orElseThrow();
        _setValue(view.membershipProject, project);
        _setValue(view.membershipUser, user);
        _setValue(view.membershipRole, ProjectRole.PROJECT_ADMIN);
        _click(view.putMembership);

        assertThat(GridKt._findAll(view.memberships)).anySatisfy(row -> {
            assertThat(row.membership().projectSlug()).isEqualTo(key);
            assertThat(row.user().username()).isEqualTo("u-" + key);
            assertThat(row.membership().role()).isEqualTo(ProjectRole.PROJECT_ADMIN);
        });
    }

    @Test
    void a_bad_project_key_is_explained() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);
        NotificationsKt.clearNotifications();

        _setValue(view.projectKey, "Not A Key");
        _setValue(view.projectName, "Bad");
        _click(view.createProject);

        NotificationsKt.expectNotifications(
                "Project key: 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
    }

    @Test
    void a_project_admin_may_not_open_the_administration() {
        login("alice");

        UI.getCurrent().navigate("admin");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }
}

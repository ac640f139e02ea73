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
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdministrationViewTest extends KaribuTest {

    @Test
    void a_platform_admin_creates_a_project_a_user_and_makes_the_user_admin_of_the_project() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);
        String key = key();

        createProjectAndUser(view, key);
        Project project = project(view, key);
        UserAccount user = user(view, "u-" + key);
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
    void errors_show_beside_their_fields_not_in_a_notification() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);
        NotificationsKt.clearNotifications();

        _setValue(view.projectKey, "Not A Key");
        _click(view.createProject);
        _setValue(view.username, "x");
        _setValue(view.displayName, "Somebody");
        _setValue(view.password, "short");
        _click(view.createUser);
        _setValue(view.membershipProject, null);
        _click(view.putMembership);

        assertThat(view.projectKey.isInvalid()).isTrue();
        assertThat(view.projectKey.getErrorMessage())
                .isEqualTo("Project key: 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        assertThat(view.projectName.isInvalid()).isTrue();
        assertThat(view.projectName.getErrorMessage()).isEqualTo("Project name is required");
        assertThat(view.username.getErrorMessage()).isEqualTo("Username: 2 to 100 letters, digits or . _ @ -");
        assertThat(view.displayName.isInvalid()).isFalse();
        assertThat(view.password.getErrorMessage()).isEqualTo("Password: at least 10 characters");
        assertThat(view.membershipProject.isInvalid()).isTrue();
        assertThat(view.membershipUser.isInvalid()).isTrue();
        NotificationsKt.expectNoNotifications();

        _setValue(view.projectKey, key());
        _setValue(view.projectName, "Fixed");
        _click(view.createProject);
        assertThat(view.projectKey.isInvalid()).isFalse();
        assertThat(view.projectName.isInvalid()).isFalse();
    }

    @Test
    void removing_a_membership_asks_first_and_cancelling_keeps_it() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);
        String key = key();
        createProjectAndUser(view, key);
        _setValue(view.membershipProject, project(view, key));
        _setValue(view.membershipUser, user(view, "u-" + key));
        _setValue(view.membershipRole, ProjectRole.ACCOUNT_MANAGER);
        _click(view.putMembership);
        AdministrationView.MembershipRow row = membership(view, key);

        ConfirmDialog question = view.confirmRemove(row);
        assertThat(question.isOpened()).isTrue();
        question.close();
        assertThat(GridKt._findAll(view.memberships)).contains(row);

        ConfirmDialog again = view.confirmRemove(row);
        ComponentUtil.fireEvent(again, new ConfirmDialog.ConfirmEvent(again, false));
        assertThat(GridKt._findAll(view.memberships)).noneMatch(r -> r.membership().projectSlug().equals(key));
    }

    @Test
    void a_platform_admin_edits_a_users_name_platform_role_and_project_role() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);
        String key = key();
        createProjectAndUser(view, key);
        _setValue(view.membershipProject, project(view, key));
        _setValue(view.membershipUser, user(view, "u-" + key));
        _setValue(view.membershipRole, ProjectRole.ACCOUNT_MANAGER);
        _click(view.putMembership);

        UserDialog dialog = view.edit(user(view, "u-" + key));
        _setValue(dialog.displayName, "  ");
        _click(dialog.save);
        assertThat(dialog.displayName.isInvalid()).isTrue();
        assertThat(dialog.displayName.getErrorMessage()).isEqualTo("Display name is required");
        assertThat(dialog.isOpened()).isTrue();

        _setValue(dialog.displayName, "Renamed " + key);
        _setValue(dialog.platformAdmin, true);
        Select<ProjectRole> role = dialog.roles.values().iterator().next();
        _setValue(role, ProjectRole.PROJECT_ADMIN);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        UserAccount edited = user(view, "u-" + key);
        assertThat(edited.displayName()).isEqualTo("Renamed " + key);
        assertThat(edited.platformAdmin()).isTrue();
        assertThat(membership(view, key).membership().role()).isEqualTo(ProjectRole.PROJECT_ADMIN);
    }

    @Test
    void a_platform_admin_cannot_take_away_their_own_platform_role() {
        login("root");
        AdministrationView view = navigate(AdministrationView.class);

        UserDialog dialog = view.edit(user(view, "root"));
        _setValue(dialog.platformAdmin, false);
        _click(dialog.save);

        assertThat(dialog.platformAdminError.isVisible()).isTrue();
        assertThat(dialog.platformAdminError.getText()).isEqualTo("You cannot take away your own platform admin role");
        assertThat(user(view, "root").platformAdmin()).isTrue();
    }

    @Test
    void the_administration_speaks_russian() {
        login("root");
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        AdministrationView view = navigate(AdministrationView.class);

        assertThat(view.createProject.getText()).isEqualTo("Создать проект");
        assertThat(view.membershipRole.getItemLabelGenerator().apply(ProjectRole.ACCOUNT_MANAGER))
                .isEqualTo("аккаунт-менеджер");
    }

    @Test
    void a_project_admin_may_not_open_the_administration() {
        login("alice");

        UI.getCurrent().navigate("admin");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    private static String key() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void createProjectAndUser(AdministrationView view, String key) {
        _setValue(view.projectKey, key);
        _setValue(view.projectName, "Project " + key);
        _click(view.createProject);
        _setValue(view.username, "u-" + key);
        _setValue(view.displayName, "User " + key);
        _setValue(view.password, "a-long-password");
        _click(view.createUser);
    }

    private static Project project(AdministrationView view, String key) {
        return GridKt._findAll(view.projects).stream().filter(p -> p.slug().equals(key)).findFirst().orElseThrow();
    }

    private static UserAccount user(AdministrationView view, String username) {
        return GridKt._findAll(view.users).stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow();
    }

    private static AdministrationView.MembershipRow membership(AdministrationView view, String key) {
        return GridKt._findAll(view.memberships).stream().filter(r -> r.membership().projectSlug().equals(key))
                .findFirst().orElseThrow();
    }
}

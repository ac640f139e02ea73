package com.giftcardimport.security.ui;

import com.giftcardimport.project.Membership;
import com.giftcardimport.project.Project;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.AdministrationService;
import com.giftcardimport.security.Roles;
import com.giftcardimport.security.UserAccount;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Platform administration: projects, users (created and edited) and who belongs to which project with which role.
 * Errors show beside their field; removing a membership asks first.
 */
@Route("admin")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class AdministrationView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final transient AdministrationService admin;

    final Grid<Project> projects = new Grid<>();
    final TextField projectKey = new TextField(getTranslation("admin.project.key"));
    final TextField projectName = new TextField(getTranslation("admin.project.name"));
    final Button createProject = new Button(getTranslation("admin.project.create"));
    final FieldErrors projectErrors = new FieldErrors().field("slug", projectKey).field("name", projectName);

    final Grid<UserAccount> users = new Grid<>();
    final TextField username = new TextField(getTranslation("admin.user.username"));
    final TextField displayName = new TextField(getTranslation("admin.user.displayName"));
    final PasswordField password = new PasswordField(getTranslation("admin.user.password"));
    final Checkbox platformAdmin = new Checkbox(getTranslation("admin.user.platformAdmin"));
    final Button createUser = new Button(getTranslation("admin.user.create"));
    final FieldErrors userErrors = new FieldErrors().field("username", username).field("displayName", displayName)
            .field("password", password);

    final Grid<MembershipRow> memberships = new Grid<>();
    final ComboBox<Project> membershipProject = new ComboBox<>(getTranslation("admin.membership.project"));
    final ComboBox<UserAccount> membershipUser = new ComboBox<>(getTranslation("admin.membership.user"));
    final Select<ProjectRole> membershipRole = new Select<>();
    final Button putMembership = new Button(getTranslation("admin.membership.put"));
    final FieldErrors membershipErrors = new FieldErrors().field("project", membershipProject)
            .field("user", membershipUser).field("role", membershipRole);

    /** One line of the memberships grid. */
    record MembershipRow(Membership membership, UserAccount user) {
    }

    AdministrationView(AdministrationService admin) {
        this.admin = admin;
        setWidthFull();
        add(new H2(getTranslation("admin.title")));
        add(new H3(getTranslation("admin.projects")), projectForm(), projectErrors.other, projectGrid());
        add(new H3(getTranslation("admin.users")), userForm(), userErrors.other, userGrid());
        add(new H3(getTranslation("admin.memberships")), membershipForm(), membershipErrors.other, membershipGrid());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.pageTitle");
    }

    private FormLayout projectForm() {
        projectKey.setHelperText(getTranslation("admin.project.keyHelper"));
        createProject.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createProject.addClickListener(e -> {
            if (projectErrors.run(() -> admin.createProject(projectKey.getValue(), projectName.getValue()))) {
                projectKey.clear();
                projectName.clear();
                done("admin.project.created");
            }
        });
        return form(projectKey, projectName, createProject);
    }

    private Grid<Project> projectGrid() {
        projects.addColumn(Project::slug).setHeader(getTranslation("admin.project.keyColumn")).setAutoWidth(true);
        projects.addColumn(Project::name).setHeader(getTranslation("admin.project.name")).setFlexGrow(1);
        projects.addColumn(p -> DATE.format(p.createdAt())).setHeader(getTranslation("admin.created"))
                .setAutoWidth(true).setKey("created");
        projects.setAllRowsVisible(true);
        projects.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        return projects;
    }

    private FormLayout userForm() {
        password.setHelperText(getTranslation("admin.user.passwordHelper"));
        createUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createUser.addClickListener(e -> {
            if (userErrors.run(() -> admin.createUser(username.getValue(), displayName.getValue(),
                    password.getValue(), platformAdmin.getValue()))) {
                username.clear();
                displayName.clear();
                password.clear();
                platformAdmin.clear();
                done("admin.user.created");
            }
        });
        return form(username, displayName, password, platformAdmin, createUser);
    }

    private Grid<UserAccount> userGrid() {
        users.addColumn(UserAccount::username).setHeader(getTranslation("admin.user.username")).setAutoWidth(true);
        users.addColumn(UserAccount::displayName).setHeader(getTranslation("admin.user.displayName")).setFlexGrow(1)
                .setKey("displayName");
        users.addColumn(u -> u.platformAdmin() ? getTranslation("admin.user.platformAdmin") : "")
                .setHeader(getTranslation("admin.user.platform")).setAutoWidth(true).setKey("platform");
        users.addColumn(u -> getTranslation(u.enabled() ? "admin.yes" : "admin.no"))
                .setHeader(getTranslation("admin.user.enabledColumn")).setAutoWidth(true).setKey("enabled");
        users.addComponentColumn(this::userActions).setAutoWidth(true).setFlexGrow(0);
        users.setAllRowsVisible(true);
        users.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        return users;
    }

    private HorizontalLayout userActions(UserAccount user) {
        Button edit = new Button(getTranslation("admin.user.edit"), e -> edit(user));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button toggle = new Button(getTranslation(user.enabled() ? "admin.user.disable" : "admin.user.enable"),
                e -> {
                    if (userErrors.run(() -> admin.setEnabled(user.id(), !user.enabled()))) {
                        done(user.enabled() ? "admin.user.disabled" : "admin.user.enabled");
                    }
                });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, toggle);
    }

    /** Opens the dialog that edits {@code user}'s name and roles. */
    UserDialog edit(UserAccount user) {
        UserDialog dialog = new UserDialog(admin, user, admin.membershipsOf(user.id()),
                () -> done("admin.user.saved"));
        dialog.open();
        return dialog;
    }

    private FormLayout membershipForm() {
        membershipProject.setItemLabelGenerator(p -> p.name() + " (" + p.slug() + ")");
        membershipUser.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        membershipRole.setLabel(getTranslation("admin.membership.role"));
        membershipRole.setItems(ProjectRole.values());
        membershipRole.setItemLabelGenerator(r -> getTranslation("admin.role." + r.name()));
        membershipRole.setValue(ProjectRole.PROJECT_ADMIN);
        putMembership.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        putMembership.addClickListener(e -> {
            if (membershipErrors.run(() -> admin.putMembership(
                    membershipProject.getValue() == null ? null : membershipProject.getValue().id(),
                    membershipUser.getValue() == null ? null : membershipUser.getValue().id(),
                    membershipRole.getValue()))) {
                done("admin.membership.saved");
            }
        });
        return form(membershipProject, membershipUser, membershipRole, putMembership);
    }

    private Grid<MembershipRow> membershipGrid() {
        memberships.addColumn(r -> r.membership().projectName() + " (" + r.membership().projectSlug() + ")")
                .setHeader(getTranslation("admin.membership.project")).setFlexGrow(1);
        memberships.addColumn(r -> r.user().displayName() + " (" + r.user().username() + ")")
                .setHeader(getTranslation("admin.membership.user")).setFlexGrow(1);
        memberships.addColumn(r -> getTranslation("admin.role." + r.membership().role().name()))
                .setHeader(getTranslation("admin.membership.role")).setAutoWidth(true).setKey("role");
        memberships.addComponentColumn(r -> {
            Button remove = new Button(getTranslation("admin.membership.remove"), e -> confirmRemove(r));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        memberships.setAllRowsVisible(true);
        memberships.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        return memberships;
    }

    /** Asks before removing a membership: who loses which project. */
    ConfirmDialog confirmRemove(MembershipRow row) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("admin.membership.removeTitle"),
                getTranslation("admin.membership.removeText", row.user().displayName(),
                        row.membership().projectName(), getTranslation("admin.role." + row.membership().role().name())),
                getTranslation("admin.membership.remove"), e -> {
                    admin.removeMembership(row.membership().projectId(), row.user().id());
                    done("admin.membership.removed");
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("admin.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
        return dialog;
    }

    private void refresh() {
        List<Project> allProjects = admin.projects();
        List<UserAccount> allUsers = admin.users();
        projects.setItems(allProjects);
        users.setItems(allUsers);
        membershipProject.setItems(allProjects);
        membershipUser.setItems(allUsers);
        Map<Long, UserAccount> byId = allUsers.stream()
                .collect(Collectors.toMap(u -> u.id().value(), Function.identity()));
        memberships.setItems(allUsers.stream()
                .flatMap(u -> admin.membershipsOf(u.id()).stream())
                .map(m -> new MembershipRow(m, byId.get(m.userId())))
                .sorted(Comparator.comparing((MembershipRow r) -> r.membership().projectSlug())
                        .thenComparing(r -> r.user().username()))
                .toList());
    }

    /** Something was saved: the lists again, and a short confirmation. */
    private void done(String key) {
        refresh();
        Notification.show(getTranslation(key), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Fields side by side on a wide screen, one under the other on a phone. */
    private static FormLayout form(Component... components) {
        FormLayout form = new FormLayout(components);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3),
                new FormLayout.ResponsiveStep("70em", components.length));
        return form;
    }
}

package com.giftcardimport.security.ui;

import com.giftcardimport.project.Membership;
import com.giftcardimport.project.Project;
import com.giftcardimport.project.ProjectRole;
import com.giftcardimport.security.AdministrationService;
import com.giftcardimport.security.Roles;
import com.giftcardimport.security.UserAccount;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Platform administration: projects, users and who belongs to which project with which role. */
@Route("admin")
@PageTitle("Administration · Gift Card Import")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class AdministrationView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final transient AdministrationService admin;

    final Grid<Project> projects = new Grid<>();
    final TextField projectKey = new TextField("Project key");
    final TextField projectName = new TextField("Project name");
    final Button createProject = new Button("Create project");

    final Grid<UserAccount> users = new Grid<>();
    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Display name");
    final PasswordField password = new PasswordField("Password");
    final Checkbox platformAdmin = new Checkbox("Platform admin");
    final Button createUser = new Button("Create user");

    final Grid<MembershipRow> memberships = new Grid<>();
    final ComboBox<Project> membershipProject = new ComboBox<>("Project");
    final ComboBox<UserAccount> membershipUser = new ComboBox<>("User");
    final Select<ProjectRole> membershipRole = new Select<>();
    final Button putMembership = new Button("Add or change membership");

    /** One line of the memberships grid. */
    record MembershipRow(Membership membership, UserAccount user) {
    }

    AdministrationView(AdministrationService admin) {
        this.admin = admin;
        setWidthFull();
        add(new H2("Administration"));
        add(new H3("Projects"), projectForm(), projectGrid());
        add(new H3("Users"), userForm(), userGrid());
        add(new H3("Memberships"), membershipForm(), membershipGrid());
        refresh();
    }

    private HorizontalLayout projectForm() {
        projectKey.setHelperText("Lower-case letters, digits and '-', e.g. acme");
        createProject.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createProject.addClickListener(e -> run(() -> {
            admin.createProject(projectKey.getValue(), projectName.getValue());
            projectKey.clear();
            projectName.clear();
        }, "Project created"));
        return row(projectKey, projectName, createProject);
    }

    private Grid<Project> projectGrid() {
        projects.addColumn(Project::slug).setHeader("Key").setAutoWidth(true);
        projects.addColumn(Project::name).setHeader("Name").setFlexGrow(1);
        projects.addColumn(p -> DATE.format(p.createdAt())).setHeader("Created").setAutoWidth(true);
        projects.setAllRowsVisible(true);
        return projects;
    }

    private HorizontalLayout userForm() {
        password.setHelperText("At least 8 characters");
        createUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createUser.addClickListener(e -> run(() -> {
            admin.createUser(username.getValue(), displayName.getValue(), password.getValue(),
                    platformAdmin.getValue());
            username.clear();
            displayName.clear();
            password.clear();
            platformAdmin.clear();
        }, "User created"));
        return row(username, displayName, password, platformAdmin, createUser);
    }

    private Grid<UserAccount> userGrid() {
        users.addColumn(UserAccount::username).setHeader("Username").setAutoWidth(true);
        users.addColumn(UserAccount::displayName).setHeader("Display name").setFlexGrow(1);
        users.addColumn(u -> u.platformAdmin() ? "Platform admin" : "").setHeader("Platform").setAutoWidth(true);
        users.addColumn(u -> u.enabled() ? "Yes" : "No").setHeader("Enabled").setAutoWidth(true);
        users.addComponentColumn(u -> {
            Button toggle = new Button(u.enabled() ? "Disable" : "Enable", e -> run(
                    () -> admin.setEnabled(u.id(), !u.enabled()), u.enabled() ? "User disabled" : "User enabled"));
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return toggle;
        }).setAutoWidth(true).setFlexGrow(0);
        users.setAllRowsVisible(true);
        return users;
    }

    private HorizontalLayout membershipForm() {
        membershipProject.setItemLabelGenerator(p -> p.name() + " (" + p.slug() + ")");
        membershipUser.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        membershipRole.setLabel("Role");
        membershipRole.setItems(ProjectRole.values());
        membershipRole.setItemLabelGenerator(ProjectRole::label);
        membershipRole.setValue(ProjectRole.PROJECT_ADMIN);
        putMembership.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        putMembership.addClickListener(e -> run(() -> {
            if (membershipProject.getValue() == null || membershipUser.getValue() == null
                    || membershipRole.getValue() == null) {
                throw new IllegalArgumentException("Choose a project, a user and a role");
            }
            admin.putMembership(membershipProject.getValue().id(), membershipUser.getValue().id(),
                    membershipRole.getValue());
        }, "Membership saved"));
        return row(membershipProject, membershipUser, membershipRole, putMembership);
    }

    private Grid<MembershipRow> membershipGrid() {
        memberships.addColumn(r -> r.membership().projectName() + " (" + r.membership().projectSlug() + ")")
                .setHeader("Project").setFlexGrow(1);
        memberships.addColumn(r -> r.user().displayName() + " (" + r.user().username() + ")")
                .setHeader("User").setFlexGrow(1);
        memberships.addColumn(r -> r.membership().role().label()).setHeader("Role").setAutoWidth(true);
        memberships.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> run(
                    () -> admin.removeMembership(r.membership().projectId(), r.user().id()), "Membership removed"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        memberships.setAllRowsVisible(true);
        return memberships;
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
                .sorted((a, b) -> {
                    int byProject = a.membership().projectSlug().compareTo(b.membership().projectSlug());
                    return byProject != 0 ? byProject : a.user().username().compareTo(b.user().username());
                })
                .toList());
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            refresh();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }
}

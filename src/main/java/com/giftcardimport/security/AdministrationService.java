package com.giftcardimport.security;

import com.giftcardimport.project.Membership;
import com.giftcardimport.project.Project;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What platform admins do: create projects and users, edit a user's name and roles, and manage memberships. Every
 * method checks the caller first, against the database too: a platform admin who was demoted can do nothing more, even
 * in a session opened before. Input that breaks a rule is refused with an {@link InvalidInputException} naming the field
 * ({@code slug}, {@code name}, {@code username}, {@code displayName}, {@code password}, {@code platformAdmin},
 * {@code project}, {@code user}, {@code role}), so that a form shows each message beside its field.
 */
@Service
@Transactional(readOnly = true)
public class AdministrationService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final int MAX_NAME = 200;

    private final CurrentTenant current;
    private final ProjectRepository projects;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttemptRepository attempts;

    AdministrationService(CurrentTenant current, ProjectRepository projects, UserAccountRepository users,
                          PasswordEncoder passwordEncoder, LoginAttemptRepository attempts) {
        this.current = current;
        this.projects = projects;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
    }

    public List<Project> projects() {
        requireAdmin();
        return projects.findAll();
    }

    public List<UserAccount> users() {
        requireAdmin();
        return users.findAll();
    }

    public List<Membership> membershipsOf(UserId userId) {
        requireAdmin();
        return projects.membershipsOf(userId.value());
    }

    @Transactional
    public ProjectId createProject(String slug, String name) {
        requireAdmin();
        String cleanSlug = slug == null ? "" : slug.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!SLUG.matcher(cleanSlug).matches()) {
            errors.putIfAbsent("slug", "Project key: 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        } else if (projects.findBySlug(cleanSlug).isPresent()) {
            errors.putIfAbsent("slug", "A project with the key '" + cleanSlug + "' already exists");
        }
        if (name == null || name.isBlank()) {
            errors.putIfAbsent("name", "Project name is required");
        } else if (name.strip().length() > MAX_NAME) {
            errors.putIfAbsent("name", "Project name: at most " + MAX_NAME + " characters");
        }
        InvalidInputException.throwIfAny(errors);
        return projects.create(cleanSlug, name.strip());
    }

    @Transactional
    public UserId createUser(String username, String displayName, String password, boolean platformAdmin) {
        requireAdmin();
        String cleanName = username == null ? "" : username.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(cleanName).matches()) {
            errors.putIfAbsent("username", "Username: 2 to 100 letters, digits or . _ @ -");
        } else if (users.existsUsername(cleanName)) {
            errors.putIfAbsent("username", "The username '" + cleanName + "' is taken");
        }
        checkDisplayName(displayName, errors);
        try {
            PasswordPolicy.check(cleanName, password);
        } catch (IllegalArgumentException e) {
            errors.put("password", e.getMessage());
        }
        InvalidInputException.throwIfAny(errors);
        return users.create(cleanName, displayName.strip(), passwordEncoder.encode(password), platformAdmin);
    }

    /**
     * Changes a person's display name and whether they are a platform admin (their roles in projects are their
     * memberships, see {@link #putMembership}). Nobody takes away their own platform admin role, so the installation
     * always keeps one: the one acting. The user name, with which people log in, does not change.
     */
    @Transactional
    public void updateUser(UserId userId, String displayName, boolean platformAdmin) {
        AppUser admin = requireAdmin();
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> new InvalidInputException(Map.of("user", "No such user")));
        Map<String, String> errors = new LinkedHashMap<>();
        checkDisplayName(displayName, errors);
        if (user.platformAdmin() && !platformAdmin && admin.userId().equals(userId)) {
            errors.putIfAbsent("platformAdmin", "You cannot take away your own platform admin role");
        }
        InvalidInputException.throwIfAny(errors);
        users.update(userId, displayName.strip(), platformAdmin);
    }

    /**
     * Disables or re-enables a person. A disabled person cannot log in, and their open sessions end at their next
     * request; the API tokens they created belong to their projects and keep working (docs/rules.md).
     */
    @Transactional
    public void setEnabled(UserId userId, boolean enabled) {
        AppUser admin = requireAdmin();
        users.findById(userId).orElseThrow(() -> new IllegalArgumentException("No such user"));
        if (!enabled && admin.userId().equals(userId)) {
            throw new IllegalArgumentException("You cannot disable yourself");
        }
        users.setEnabled(userId, enabled);
    }

    /** The newest login attempts, failed or not, newest first (at most {@code limit}). */
    public List<LoginAttempt> loginAttempts(int limit) {
        requireAdmin();
        return attempts.newest(Math.clamp(limit, 1, 1000));
    }

    @Transactional
    public void putMembership(ProjectId projectId, UserId userId, ProjectRole role) {
        requireAdmin();
        Map<String, String> errors = new LinkedHashMap<>();
        if (projectId == null || projects.findById(projectId).isEmpty()) {
            errors.putIfAbsent("project", "Choose a project");
        }
        if (userId == null || users.findById(userId).isEmpty()) {
            errors.putIfAbsent("user", "Choose a user");
        }
        if (role == null) {
            errors.putIfAbsent("role", "Choose a role");
        }
        InvalidInputException.throwIfAny(errors);
        projects.putMembership(projectId, userId.value(), role);
    }

    @Transactional
    public void removeMembership(ProjectId projectId, UserId userId) {
        requireAdmin();
        projects.removeMembership(projectId, userId.value());
    }

    private static void checkDisplayName(String displayName, Map<String, String> errors) {
        if (displayName == null || displayName.isBlank()) {
            errors.putIfAbsent("displayName", "Display name is required");
        } else if (displayName.strip().length() > MAX_NAME) {
            errors.putIfAbsent("displayName", "Display name: at most " + MAX_NAME + " characters");
        }
    }

    /** The caller, a platform admin in the session and still one in the database. */
    private AppUser requireAdmin() {
        AppUser admin = current.requirePlatformAdmin();
        if (!users.isPlatformAdmin(admin.userId())) {
            throw new AccessDeniedException("No longer a platform admin");
        }
        return admin;
    }
}

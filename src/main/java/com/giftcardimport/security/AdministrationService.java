package com.giftcardimport.security;

import com.giftcardimport.project.Membership;
import com.giftcardimport.project.Project;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What platform admins do: create projects, users and memberships. Every method checks the caller first. */
@Service
@Transactional(readOnly = true)
public class AdministrationService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

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
        current.requirePlatformAdmin();
        return projects.findAll();
    }

    public List<UserAccount> users() {
        current.requirePlatformAdmin();
        return users.findAll();
    }

    public List<Membership> membershipsOf(UserId userId) {
        current.requirePlatformAdmin();
        return projects.membershipsOf(userId.value());
    }

    @Transactional
    public ProjectId createProject(String slug, String name) {
        current.requirePlatformAdmin();
        String cleanSlug = slug == null ? "" : slug.strip();
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw new IllegalArgumentException(
                    "Project key: 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Project name is required");
        }
        if (projects.findBySlug(cleanSlug).isPresent()) {
            throw new IllegalArgumentException("A project with the key '" + cleanSlug + "' already exists");
        }
        return projects.create(cleanSlug, name.strip());
    }

    @Transactional
    public UserId createUser(String username, String displayName, String password, boolean platformAdmin) {
        current.requirePlatformAdmin();
        String cleanName = username == null ? "" : username.strip();
        if (!USERNAME.matcher(cleanName).matches()) {
            throw new IllegalArgumentException(
                    "Username: 2 to 100 letters, digits or . _ @ -");
        }
        if (users.existsUsername(cleanName)) {
            throw new IllegalArgumentException("The username '" + cleanName + "' is taken");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Display name is required");
        }
        PasswordPolicy.check(cleanName, password);
        return users.create(cleanName, displayName.strip(), passwordEncoder.encode(password), platformAdmin);
    }

    /**
     * Disables or re-enables a person. A disabled person cannot log in, and their open sessions end at their next
     * request; the API tokens they created belong to their projects and keep working (docs/rules.md).
     */
    @Transactional
    public void setEnabled(UserId userId, boolean enabled) {
        AppUser admin = current.requirePlatformAdmin();
        users.findById(userId).orElseThrow(() -> new IllegalArgumentException("No such user"));
        if (!enabled && admin.userId().equals(userId)) {
            throw new IllegalArgumentException("You cannot disable yourself");
        }
        users.setEnabled(userId, enabled);
    }

    /** The newest login attempts, failed or not, newest first (at most {@code limit}). */
    public List<LoginAttempt> loginAttempts(int limit) {
        current.requirePlatformAdmin();
        return attempts.newest(Math.clamp(limit, 1, 1000));
    }

    @Transactional
    public void putMembership(ProjectId projectId, UserId userId, ProjectRole role) {
        current.requirePlatformAdmin();
        projects.findById(projectId).orElseThrow(() -> new IllegalArgumentException("No such project"));
        users.findById(userId).orElseThrow(() -> new IllegalArgumentException("No such user"));
        projects.putMembership(projectId, userId.value(), role);
    }

    @Transactional
    public void removeMembership(ProjectId projectId, UserId userId) {
        current.requirePlatformAdmin();
        projects.removeMembership(projectId, userId.value());
    }
}

package com.giftcardimport.security;

import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.project.ProjectRole;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that answers which project the current request acts in. The project comes from the
 * authenticated principal: for a person, the project chosen in the header among their memberships (checked
 * against the database on every call); for an API token, the token's project. Never from a request parameter.
 *
 * <p>The {@code enter…} methods check and, inside a transaction, also scope that transaction to the project they
 * answer ({@link TenantScope}): from then on PostgreSQL's row-level security shows the transaction that project's rows
 * and no other. The services are {@code @Transactional} and call a check first, so each of their transactions is scoped
 * before it reads anything.
 */
@Component
public class CurrentTenant {

    private final ProjectRepository projects;
    private final TenantScope scope;

    CurrentTenant(ProjectRepository projects, TenantScope scope) {
        this.projects = projects;
        this.scope = scope;
    }

    /**
     * Checks that the caller has one of the {@code allowed} roles in the current project and, inside a transaction,
     * enters that project: the transaction's row-level security scope becomes that project (hence the name: this is
     * a check that also changes what the transaction sees). Answers the project with the caller's role in it.
     *
     * @throws AccessDeniedException when nobody is logged in, no project is chosen or the role does not fit
     */
    public Tenant enterAs(ProjectRole... allowed) {
        Object principal = principal().orElseThrow(() -> new AccessDeniedException("Not logged in"));
        Tenant tenant = switch (principal) {
            case ProjectBoundPrincipal bound -> new Tenant(bound.projectId(), bound.responsibleUser(),
                    ProjectRole.PROJECT_ADMIN, bound.actorLabel());
            case AppUser user -> {
                ProjectId projectId = currentProjectOf(user)
                        .orElseThrow(() -> new AccessDeniedException("No project is chosen"));
                ProjectRole role = projects.roleOf(user.userId().value(), projectId)
                        .orElseThrow(() -> new AccessDeniedException("Not a member of the current project"));
                yield new Tenant(projectId, user.userId(), role, user.displayName());
            }
            default -> throw new AccessDeniedException("Unknown principal");
        };
        if (allowed.length > 0 && !Arrays.asList(allowed).contains(tenant.role())) {
            throw new AccessDeniedException("The role " + tenant.role() + " may not do this");
        }
        scope.enterIfInTransaction(List.of(tenant.projectId()));
        return tenant;
    }

    /** {@link #enterAs} for a project admin. */
    public Tenant enterAsAdmin() {
        return enterAs(ProjectRole.PROJECT_ADMIN);
    }

    /** {@link #enterAs} for any member: project admin or account manager. */
    public Tenant enterAsMember() {
        return enterAs(ProjectRole.PROJECT_ADMIN, ProjectRole.ACCOUNT_MANAGER);
    }

    /** The logged-in person, if any (API tokens are not people). */
    public Optional<AppUser> user() {
        return principal().filter(AppUser.class::isInstance).map(AppUser.class::cast);
    }

    public AppUser requireUser() {
        return user().orElseThrow(() -> new AccessDeniedException("Not logged in"));
    }

    public AppUser requirePlatformAdmin() {
        AppUser user = requireUser();
        if (!user.isPlatformAdmin()) {
            throw new AccessDeniedException("Only platform admins may do this");
        }
        return user;
    }

    /** The projects the logged-in person belongs to, for the project switcher. */
    public List<Membership> memberships() {
        return user().map(u -> projects.membershipsOf(u.userId().value())).orElse(List.of());
    }

    /** The membership in the current project, if the person has one. */
    public Optional<Membership> currentMembership() {
        return user().flatMap(u -> {
            List<Membership> memberships = projects.membershipsOf(u.userId().value());
            ProjectId chosen = u.currentProject();
            return memberships.stream().filter(m -> m.projectId().equals(chosen)).findFirst()
                    .or(() -> memberships.stream().findFirst());
        });
    }

    /** The ids of every project where the person is an account manager or a project admin. */
    public List<ProjectId> memberProjectIds() {
        return memberships().stream().map(Membership::projectId).toList();
    }

    /**
     * The projects the logged-in person is a member of, for reads across projects such as the audit: all of them, or
     * only {@code onlyThis} when it is given (none when the person is not a member of it). Inside a transaction,
     * scopes it to exactly these projects.
     *
     * @throws AccessDeniedException when no person is logged in
     */
    public List<ProjectId> enterMemberProjects(ProjectId onlyThis) {
        requireUser();
        List<ProjectId> member = memberProjectIds();
        List<ProjectId> chosen = onlyThis == null ? member
                : member.contains(onlyThis) ? List.of(onlyThis) : List.of();
        scope.enterIfInTransaction(chosen);
        return chosen;
    }

    /** Makes {@code projectId} the current project of this login session, if the person is a member of it. */
    public void switchTo(ProjectId projectId) {
        AppUser user = requireUser();
        projects.roleOf(user.userId().value(), projectId)
                .orElseThrow(() -> new AccessDeniedException("Not a member of that project"));
        user.currentProject(projectId);
    }

    private Optional<ProjectId> currentProjectOf(AppUser user) {
        if (user.currentProject() == null) {
            projects.membershipsOf(user.userId().value()).stream().findFirst()
                    .ifPresent(m -> user.currentProject(m.projectId()));
        }
        return Optional.ofNullable(user.currentProject());
    }

    private static Optional<Object> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.ofNullable(authentication.getPrincipal());
    }
}

package com.giftcardimport.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import com.giftcardimport.project.ProjectId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated person. Authorities are {@code ROLE_PLATFORM_ADMIN} for platform admins and one
 * {@code ROLE_<project role>} for each kind of membership the user holds, so that routes can be guarded with
 * {@code @RolesAllowed}; the role in the <em>current</em> project is always checked again by the services.
 */
public final class AppUser implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final String passwordHash;
    private final boolean enabled;
    private final List<GrantedAuthority> authorities;
    /** The project chosen in the header; lives as long as the login session does. */
    private volatile ProjectId currentProject;

    public AppUser(long id, String username, String displayName, String passwordHash, boolean enabled,
                   boolean platformAdmin, Set<String> projectRoles) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        List<GrantedAuthority> list = new ArrayList<>();
        if (platformAdmin) {
            list.add(new SimpleGrantedAuthority("ROLE_" + Roles.PLATFORM_ADMIN));
        }
        projectRoles.stream().sorted().forEach(role -> list.add(new SimpleGrantedAuthority("ROLE_" + role)));
        this.authorities = List.copyOf(list);
    }

    public UserId userId() {
        return new UserId(id);
    }

    public String displayName() {
        return displayName;
    }

    ProjectId currentProject() {
        return currentProject;
    }

    void currentProject(ProjectId projectId) {
        this.currentProject = projectId;
    }

    public boolean isPlatformAdmin() {
        return authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.PLATFORM_ADMIN));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AppUser[" + username + "]";
    }
}

package com.giftcardimport.base;

import com.giftcardimport.security.AppUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Logs a user of the database in for the current test thread, the way form login would: the principal is the
 * {@link AppUser} that {@link UserDetailsService#loadUserByUsername} returns, so {@code CurrentTenant} works as
 * in production. Each call loads a fresh principal, so the current project starts at the user's first membership
 * (by project key) again.
 */
public final class TestLogins {

    private TestLogins() {
    }

    /** Logs {@code username} in (demo users: {@code root}, {@code alice}, {@code bob}, {@code maria}). */
    public static AppUser login(UserDetailsService users, String username) {
        AppUser user = (AppUser) users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }

    /** Nobody is logged in any more. */
    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}

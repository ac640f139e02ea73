package com.giftcardimport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.base.TestLogins;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class AdministrationServiceTest {

    @Autowired
    AdministrationService administration;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    @Test
    void a_platform_admin_renames_a_person_and_gives_and_takes_the_platform_role() {
        TestLogins.login(users, "root");
        String name = unique();
        UserId id = administration.createUser(name, "Before", "a-long-password", false);

        administration.updateUser(id, "  After  ", true);
        assertThat(account(id).displayName()).isEqualTo("After");
        assertThat(account(id).platformAdmin()).isTrue();
        administration.updateUser(id, "After", false);
        assertThat(account(id).platformAdmin()).isFalse();
        assertThat(account(id).username()).isEqualTo(name);
    }

    @Test
    void every_broken_rule_is_named_by_its_field_at_once() {
        TestLogins.login(users, "root");

        assertThatThrownBy(() -> administration.createProject("Bad Key", " "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("slug", "name"));
        assertThatThrownBy(() -> administration.createUser("x", "", "short", false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("username", "displayName", "password"));
        UserId id = administration.createUser(unique(), "Somebody", "a-long-password", false);
        assertThatThrownBy(() -> administration.updateUser(id, "x".repeat(201), false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("displayName"));
        assertThatThrownBy(() -> administration.putMembership(null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("project", "user", "role"));
    }

    @Test
    void nobody_takes_away_their_own_platform_role_so_the_installation_keeps_one() {
        AppUser root = TestLogins.login(users, "root");

        assertThatThrownBy(() -> administration.updateUser(root.userId(), "Root", false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("platformAdmin",
                                "You cannot take away your own platform admin role"));
        assertThat(account(root.userId()).platformAdmin()).isTrue();
    }

    @Test
    void a_demoted_platform_admin_can_do_nothing_more_even_in_a_session_opened_before() {
        TestLogins.login(users, "root");
        String name = unique();
        UserId id = administration.createUser(name, "Second admin", "a-long-password", true);
        AppUser before = TestLogins.login(users, name);
        assertThat(administration.projects()).isNotEmpty();

        TestLogins.login(users, "root");
        administration.updateUser(id, "Second admin", false);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(before, null, before.getAuthorities()));

        assertThat(before.isPlatformAdmin()).as("the old session still says so").isTrue();
        assertThatThrownBy(() -> administration.projects()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.updateUser(id, "Second admin", true))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_a_platform_admin_edits_people() {
        TestLogins.login(users, "alice");
        AppUser alice = (AppUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();

        assertThatThrownBy(() -> administration.updateUser(alice.userId(), "Alice", true))
                .isInstanceOf(AccessDeniedException.class);
    }

    private UserAccount account(UserId id) {
        TestLogins.login(users, "root");
        return administration.users().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
    }

    private static String unique() {
        return "adm-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

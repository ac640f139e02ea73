package com.giftcardimport.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.TestLogins;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.base.db.OwnerJdbc;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApiTokenServiceTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserDetailsService users;
    @Autowired
    OwnerJdbc jdbc;

    @AfterEach
    void logOut() {
        TestLogins.logout();
    }

    @Test
    void a_project_admin_creates_a_token_whose_secret_is_shown_once_and_stored_only_as_a_hash() {
        logInAs("alice");
        NewApiToken created = tokens.create("  ci-" + unique() + "  ");

        assertThat(created.secret()).startsWith("gci_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(created.token().name()).doesNotStartWith(" ").startsWith("ci-");
        assertThat(created.token().prefix()).isEqualTo(created.secret().substring(0, 12));
        assertThat(created.token().createdBy()).isEqualTo("Alice Admin");
        assertThat(created.token().active()).isTrue();
        String stored = jdbc.sql("select token_hash from api_token where id = ?")
                .param(created.token().id().value()).query(String.class).single();
        assertThat(stored).isNotEqualTo(created.secret()).doesNotContain(created.secret())
                .isEqualTo(ApiTokenSecrets.hash(created.secret()));
        assertThat(tokens.list()).contains(created.token());
    }

    @Test
    void the_list_shows_the_tokens_of_the_current_project_only() {
        logInAs("bob");
        NewApiToken globexToken = tokens.create("globex-" + unique());
        logInAs("alice");
        NewApiToken acmeToken = tokens.create("acme-" + unique());

        assertThat(tokens.list()).extracting(ApiToken::id)
                .contains(acmeToken.token().id())
                .doesNotContain(globexToken.token().id());
    }

    @Test
    void a_token_name_is_required_and_unique_among_the_active_tokens_of_the_project() {
        logInAs("alice");
        String name = "nightly-" + unique();
        NewApiToken first = tokens.create(name);

        assertThatThrownBy(() -> tokens.create("   ")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).containsKey("name"));
        assertThatThrownBy(() -> tokens.create(name.toUpperCase())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> tokens.create("x".repeat(101))).isInstanceOf(ValidationException.class);

        tokens.revoke(first.token().id());
        assertThat(tokens.create(name).token().name()).isEqualTo(name);
    }

    @Test
    void a_revoked_token_no_longer_authenticates_and_revoking_it_again_changes_nothing() {
        logInAs("alice");
        NewApiToken created = tokens.create("revoke-me-" + unique());
        assertThat(tokens.authenticate(created.secret())).isPresent();

        tokens.revoke(created.token().id());
        tokens.revoke(created.token().id());

        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.list()).filteredOn(t -> t.id().equals(created.token().id()))
                .singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void a_token_of_another_project_cannot_be_revoked_and_looks_like_a_missing_one() {
        logInAs("bob");
        NewApiToken globexToken = tokens.create("globex-" + unique());
        logInAs("alice");

        assertThatThrownBy(() -> tokens.revoke(globexToken.token().id()))
                .isInstanceOf(NotFoundException.class).hasMessage("API token not found");
        assertThatThrownBy(() -> tokens.revoke(new ApiTokenId(Long.MAX_VALUE)))
                .isInstanceOf(NotFoundException.class).hasMessage("API token not found");
        assertThat(tokens.authenticate(globexToken.secret())).isPresent();
    }

    @Test
    void an_account_manager_may_not_see_or_create_tokens() {
        logInAs("maria");
        assertThatThrownBy(() -> tokens.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.create("nope")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_token_acts_as_its_project_on_behalf_of_its_creator() {
        logInAs("alice");
        String name = "label-" + unique();
        NewApiToken created = tokens.create(name);

        ApiTokenPrincipal principal = tokens.authenticate(created.secret()).orElseThrow();
        long acme = jdbc.sql("select id from project where slug = 'acme'").query(Long.class).single();
        assertThat(principal.projectId().value()).isEqualTo(acme);
        assertThat(principal.actorLabel()).isEqualTo("API token \"" + name + "\" (by Alice Admin)");
    }

    @Test
    void a_token_stops_working_when_its_creator_is_no_longer_an_admin_of_the_project() {
        long acme = jdbc.sql("select id from project where slug = 'acme'").query(Long.class).single();
        long maria = jdbc.sql("select id from app_user where username = 'maria'").query(Long.class).single();
        ApiTokenRepository repository = new ApiTokenRepository(jdbc.client());
        String secret = ApiTokenSecrets.generate();
        repository.insert(new com.giftcardimport.project.ProjectId(acme), "by-manager-" + unique(), secret,
                new com.giftcardimport.security.UserId(maria));

        assertThat(tokens.authenticate(secret)).isEmpty();
    }

    @Test
    void the_demo_data_includes_one_token_for_acme_and_one_for_globex() {
        assertThat(tokens.authenticate(DemoApiTokens.ACME_SECRET)).get()
                .extracting(ApiTokenPrincipal::actorLabel).isEqualTo("API token \"nightly-sync\" (by Alice Admin)");
        assertThat(tokens.authenticate(DemoApiTokens.GLOBEX_SECRET)).get()
                .extracting(ApiTokenPrincipal::actorLabel)
                .isEqualTo("API token \"pos-integration\" (by Bob Builder)");
        assertThat(tokens.authenticate("gci_demo_acme_wrong")).isEmpty();
    }

    private void logInAs(String username) {
        TestLogins.login(users, username);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package com.giftcardimport.api.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.ui.AccessDeniedView;
import com.giftcardimport.api.ApiToken;
import com.giftcardimport.api.ApiTokenService;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.security.ui.LoginView;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiTokensViewTest extends KaribuTest {

    @Test
    void an_account_manager_cannot_open_the_token_screen() {
        login("maria");

        UI.getCurrent().navigate("api-tokens");
        // a page that says so (base/ui/AccessDeniedView), not the exception
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_find(ApiTokensView.class)).isEmpty();
    }

    @Test
    void an_anonymous_user_is_sent_to_the_login_page() {
        UI.getCurrent().navigate("api-tokens");

        _get(LoginView.class);
        assertThat(_find(ApiTokensView.class)).isEmpty();
    }

    @Test
    void a_project_admin_sees_the_tokens_of_the_current_project_without_their_secrets() {
        login("alice");

        ApiTokensView view = navigate(ApiTokensView.class);

        List<ApiToken> rows = GridKt._findAll(view.grid);
        assertThat(rows).extracting(ApiToken::name).contains("nightly-sync").doesNotContain("pos-integration");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).noneSatisfy(cell ->
                assertThat(cell).contains("gci_demo_acme_4fN8"));
    }

    @Test
    void creating_a_token_shows_its_secret_once_in_a_dialog_and_lists_it() {
        login("alice");
        ApiTokensView view = navigate(ApiTokensView.class);
        String name = "karibu-" + UUID.randomUUID().toString().substring(0, 8);

        _setValue(view.name, name);
        _click(view.create);

        NewTokenDialog dialog = _get(NewTokenDialog.class);
        assertThat(dialog.secret.getValue()).startsWith("gci_").hasSizeGreaterThan(40);
        assertThat(GridKt._findAll(view.grid)).extracting(ApiToken::name).contains(name);
        _click(dialog.close);
        assertThat(_find(NewTokenDialog.class)).isEmpty();
    }

    @Test
    void a_token_without_a_name_is_refused_next_to_the_field() {
        login("alice");
        ApiTokensView view = navigate(ApiTokensView.class);

        _setValue(view.name, "  ");
        _click(view.create);

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).contains("needs a name");
        assertThat(_find(NewTokenDialog.class)).isEmpty();
    }

    @Test
    void revoking_a_token_asks_for_confirmation_then_marks_it_revoked() {
        login("alice");
        String name = "revoke-" + UUID.randomUUID().toString().substring(0, 8);
        applicationContext.getBean(ApiTokenService.class).create(name);
        ApiTokensView view = navigate(ApiTokensView.class);
        int row = GridKt._findAll(view.grid).stream().map(ApiToken::name).toList().indexOf(name);

        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.grid, row, "actions"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(confirm);

        ApiToken revoked = GridKt._findAll(view.grid).stream().filter(t -> t.name().equals(name))
                .findFirst().orElseThrow();
        assertThat(revoked.active()).isFalse();
    }
}

package com.giftcardimport.pool.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.base.ui.KaribuTest;
import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.PoolDraft;
import com.giftcardimport.pool.PoolId;
import com.giftcardimport.pool.PoolOverview;
import com.giftcardimport.pool.PoolService;
import com.giftcardimport.pool.ValidityUnit;
import com.giftcardimport.pool.ValueType;
import com.giftcardimport.project.Membership;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.security.ui.LoginView;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PoolsViewTest extends KaribuTest {

    @Test
    void an_anonymous_user_who_opens_the_pools_is_sent_to_the_login_page() {
        UI.getCurrent().navigate("pools");

        _get(LoginView.class);
        assertThat(_find(PoolsView.class)).isEmpty();
    }

    @Test
    void a_project_admin_sees_only_the_pools_of_the_current_project() {
        login("alice");

        PoolsView view = navigate(PoolsView.class);

        assertThat(systemNames(view)).contains("gold-1000", "flex", "summer.2026").doesNotContain("globex-only");
        assertThat(GridKt._findAll(view.grid)).allSatisfy(o -> assertThat(o.pool().projectId())
                .isEqualTo(acmeProjectId()));
    }

    @Test
    void switching_the_project_in_the_header_switches_the_grid() {
        login("maria");
        PoolsView acme = navigate(PoolsView.class);
        assertThat(systemNames(acme)).contains("flex").doesNotContain("globex-only");

        @SuppressWarnings({"unchecked", "rawtypes"})
        Select<Membership> switcher = _get(Select.class, spec -> spec.withId("project-switcher"));
        Membership globex = switcher.getListDataView().getItems()
                .filter(m -> m.projectSlug().equals("globex")).findFirst().orElseThrow();
        _setValue(switcher, globex);

        PoolsView switched = _get(PoolsView.class);
        assertThat(systemNames(switched)).contains("globex-only").doesNotContain("flex", "summer.2026");
    }

    @Test
    void an_account_manager_sees_the_pools_without_buttons_to_change_them() {
        login("maria");

        PoolsView view = navigate(PoolsView.class);

        assertThat(systemNames(view)).contains("gold-1000");
        assertThat(view.create.isAttached()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withText("Edit"))).isEmpty();
    }

    @Test
    void the_pool_form_shows_the_message_for_a_bad_system_name_next_to_the_field() {
        login("alice");
        PoolsView view = navigate(PoolsView.class);
        _click(view.create);
        PoolDialog dialog = _get(PoolDialog.class);

        _setValue(dialog.systemName, "Gold Card");
        _setValue(dialog.name, "Gold card");
        _setValue(dialog.faceValue, "100");
        _click(dialog.save);

        HasValidationUtilsKt._expectInvalid(dialog.systemName,
                "System name may contain only lower-case letters, digits, '-', '_' and '.' (found 'G')");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void the_pool_form_shows_that_a_fixed_pool_needs_a_face_value() {
        login("alice");
        PoolsView view = navigate(PoolsView.class);
        _click(view.create);
        PoolDialog dialog = _get(PoolDialog.class);

        _setValue(dialog.systemName, "form-" + UUID.randomUUID().toString().substring(0, 8));
        _setValue(dialog.name, "No face value");
        _setValue(dialog.valueType, ValueType.FIXED);
        _click(dialog.save);

        HasValidationUtilsKt._expectInvalid(dialog.faceValue, "Face value is required for a FIXED pool");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void a_valid_pool_form_creates_the_pool_and_shows_it_in_the_grid() {
        login("alice");
        PoolsView view = navigate(PoolsView.class);
        _click(view.create);
        PoolDialog dialog = _get(PoolDialog.class);
        String systemName = "form-" + UUID.randomUUID().toString().substring(0, 8);

        _setValue(dialog.systemName, systemName);
        _setValue(dialog.name, "Created from the form");
        _setValue(dialog.valueType, ValueType.ARBITRARY);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(systemNames(view)).contains(systemName);
    }

    @Test
    void editing_a_pool_that_has_cards_shows_value_type_face_value_and_validity_read_only_with_a_hint() {
        login("alice");
        String systemName = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        PoolId id = applicationContext.getBean(PoolService.class).create(new PoolDraft(systemName, "Locked",
                ValueType.FIXED, new BigDecimal("100"), false, ValidityUnit.DAYS, 30));
        applicationContext.getBean(OwnerJdbc.class)
                .sql("insert into gift_card (project_id, pool_id, card_number, balance) "
                        + "select project_id, id, ?, 100 from pool where id = ?")
                .params(systemName.replace(".", "-"), id.value()).update();
        PoolsView view = navigate(PoolsView.class);

        GridKt._doubleClickItem(view.grid, systemNames(view).indexOf(systemName), 0, false, false, false, false);

        PoolDialog dialog = _get(PoolDialog.class);
        assertThat(dialog.valueType.isReadOnly()).isTrue();
        assertThat(dialog.faceValue.isReadOnly()).isTrue();
        assertThat(dialog.validityUnit.isReadOnly()).isTrue();
        assertThat(dialog.validityAmount.isReadOnly()).isTrue();
        assertThat(dialog.faceValue.getHelperText()).isEqualTo("Locked: the pool already has cards");
        assertThat(dialog.name.isReadOnly()).isFalse();
        assertThat(dialog.cvvRequired.isReadOnly()).isFalse();
    }

    @Test
    void a_face_value_typed_with_a_space_and_a_decimal_comma_in_russian_is_stored_as_one_thousand() {
        login("alice");
        inLanguage("ru-RU");

        Pool pool = createFixedPoolTyping("1 000,00");

        assertThat(pool.faceValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void a_face_value_typed_with_no_break_spaces_in_russian_is_stored_as_one_thousand_and_a_half() {
        login("alice");
        inLanguage("ru-RU");

        Pool pool = createFixedPoolTyping("1\u202f000,50");

        assertThat(pool.faceValue()).isEqualByComparingTo("1000.50");
    }

    @Test
    void a_face_value_typed_with_a_thousands_comma_in_english_is_stored_as_one_thousand() {
        login("alice");
        inLanguage("en-US");

        Pool pool = createFixedPoolTyping("1,000.00");

        assertThat(pool.faceValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void a_face_value_typed_the_russian_way_in_english_is_refused_and_nothing_is_stored() {
        login("alice");
        inLanguage("en-US");
        PoolsView view = navigate(PoolsView.class);
        _click(view.create);
        PoolDialog dialog = _get(PoolDialog.class);
        String systemName = uniqueSystemName();
        _setValue(dialog.systemName, systemName);
        _setValue(dialog.name, "Typed the Russian way");
        _setValue(dialog.valueType, ValueType.FIXED);

        _setValue(dialog.faceValue, "1 000,00");
        _click(dialog.save);

        assertThat(dialog.faceValue.isInvalid()).isTrue();
        assertThat(dialog.faceValue.getErrorMessage()).startsWith("'1 000,00' mixes two kinds of thousands separators");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(systemNames(view)).doesNotContain(systemName);
    }

    @Test
    void the_face_value_field_says_what_it_understood_in_the_users_language() {
        login("alice");
        inLanguage("ru-RU");
        _click(navigate(PoolsView.class).create);
        PoolDialog dialog = _get(PoolDialog.class);

        _setValue(dialog.faceValue, "1000.5");

        assertThat(dialog.faceValue.getHelperText()).endsWith("Понято как 1\u00a0000,50");
    }

    @Test
    void a_russian_face_value_with_a_dot_between_thousands_is_refused_in_russian_not_read_as_one() {
        login("alice");
        inLanguage("ru-RU");
        _click(navigate(PoolsView.class).create);
        PoolDialog dialog = _get(PoolDialog.class);
        _setValue(dialog.systemName, uniqueSystemName());
        _setValue(dialog.name, "Точка между тысячами");

        _setValue(dialog.faceValue, "1.000");
        _click(dialog.save);

        assertThat(dialog.faceValue.getErrorMessage()).startsWith("В «1.000» после «.» три цифры");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void the_pools_grid_shows_face_values_the_way_the_users_language_writes_them() {
        login("alice");
        inLanguage("ru-RU");

        PoolsView view = navigate(PoolsView.class);

        assertThat(GridKt._getFormattedRow(view.grid, systemNames(view).indexOf("gold-1000")))
                .contains("1\u00a0000,00", "Фиксированный", "12 мес.");
    }

    @Test
    void the_services_message_next_to_a_field_is_in_russian_for_a_russian_page() {
        login("alice");
        inLanguage("ru-RU");
        _click(navigate(PoolsView.class).create);
        PoolDialog dialog = _get(PoolDialog.class);
        _setValue(dialog.systemName, "Zoloto");
        _setValue(dialog.name, "Без номинала");
        _setValue(dialog.valueType, ValueType.FIXED);

        _click(dialog.save);

        HasValidationUtilsKt._expectInvalid(dialog.faceValue, "Для пула с фиксированным номиналом номинал обязателен");
        HasValidationUtilsKt._expectInvalid(dialog.systemName, "Системное имя может содержать только строчные "
                + "латинские буквы, цифры, «-», «_» и «.» (найдено «Z»)");
    }

    /** Fills the New pool form for a FIXED pool with {@code typed} as its face value, saves, and reads it back. */
    private Pool createFixedPoolTyping(String typed) {
        PoolsView view = navigate(PoolsView.class);
        _click(view.create);
        PoolDialog dialog = _get(PoolDialog.class);
        String systemName = uniqueSystemName();
        _setValue(dialog.systemName, systemName);
        _setValue(dialog.name, "Typed " + typed);
        _setValue(dialog.valueType, ValueType.FIXED);
        _setValue(dialog.faceValue, typed);
        _click(dialog.save);
        assertThat(dialog.isOpened()).as("the form was refused: %s", dialog.faceValue.getErrorMessage()).isFalse();
        PoolService service = applicationContext.getBean(PoolService.class);
        return service.overview().stream().map(PoolOverview::pool)
                .filter(p -> p.systemName().value().equals(systemName)).findFirst().orElseThrow();
    }

    private static String uniqueSystemName() {
        return "money-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> systemNames(PoolsView view) {
        return GridKt._findAll(view.grid).stream().map(PoolOverview::pool).map(p -> p.systemName().value()).toList();
    }

    private ProjectId acmeProjectId() {
        return applicationContext.getBean(ProjectRepository.class).findBySlug("acme").orElseThrow().id();
    }
}

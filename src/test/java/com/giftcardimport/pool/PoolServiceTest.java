package com.giftcardimport.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.TestLogins;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.base.db.OwnerJdbc;
import com.giftcardimport.project.ProjectId;
import com.giftcardimport.project.ProjectRepository;
import com.giftcardimport.security.CurrentTenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class PoolServiceTest {

    @Autowired
    PoolService pools;
    @Autowired
    CurrentTenant current;
    @Autowired
    ProjectRepository projects;
    @Autowired
    UserDetailsService users;
    @Autowired
    OwnerJdbc jdbc;

    @AfterEach
    void logout() {
        TestLogins.logout();
    }

    // --- system name -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"gold-1000", "a", "summer.2026", "under_score", "0123456789",
            "abcdefghijklmnopqrstuvwxyz-0123456789_.abcdefghijklmnopqrstuvwxy"})
    void a_system_name_of_lower_case_letters_digits_dash_underscore_and_dot_up_to_64_characters_is_accepted(
            String systemName) {
        assertThat(new PoolSystemName(systemName).value()).isEqualTo(systemName);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Gold        | System name may contain only lower-case letters, digits, '-', '_' and '.' (found 'G')",
            "gold card   | System name may contain only lower-case letters, digits, '-', '_' and '.' (found a space)",
            "gold/1000   | System name may contain only lower-case letters, digits, '-', '_' and '.' (found '/')",
            "zoloto-кар  | System name may contain only lower-case letters, digits, '-', '_' and '.' (found 'к')",
            "''          | System name is required"})
    void a_system_name_with_any_other_character_is_refused_with_a_clear_message(String systemName, String message) {
        assertThatThrownBy(() -> new PoolSystemName(systemName))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void a_system_name_longer_than_64_characters_is_refused() {
        assertThatThrownBy(() -> new PoolSystemName("a".repeat(65)))
                .hasMessage("System name: at most 64 characters (this one has 65)");
    }

    @Test
    void a_project_admin_creates_a_pool_and_reads_it_back() {
        login("alice");
        String systemName = unique("gift");

        PoolId id = pools.create(new PoolDraft("  " + systemName + " ", " Gift 250 ", ValueType.FIXED,
                new BigDecimal("250"), true, ValidityUnit.MONTHS, 6));

        Pool pool = pools.get(id);
        assertThat(pool.projectId()).isEqualTo(project("acme"));
        assertThat(pool.systemName().value()).isEqualTo(systemName);
        assertThat(pool.name()).isEqualTo("Gift 250");
        assertThat(pool.valueType()).isEqualTo(ValueType.FIXED);
        assertThat(pool.faceValue()).isEqualTo(new BigDecimal("250.00"));
        assertThat(pool.cvvRequired()).isTrue();
        assertThat(pool.validity()).isEqualTo(Validity.months(6));
        assertThat(pools.findBySystemName(systemName)).contains(pool);
        assertThat(pools.all()).contains(pool);
    }

    @Test
    void the_form_of_the_system_name_is_checked_when_a_pool_is_created() {
        login("alice");

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> pools.create(arbitrary("Gold.Card")));

        assertThat(e.errors()).containsEntry(PoolDraft.SYSTEM_NAME,
                "System name may contain only lower-case letters, digits, '-', '_' and '.' (found 'G')");
    }

    @Test
    void a_system_name_is_unique_within_the_project() {
        login("alice");
        String systemName = unique("dup");
        pools.create(arbitrary(systemName));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> pools.create(arbitrary(systemName)));

        assertThat(e.errors()).containsOnly(Map.entry(PoolDraft.SYSTEM_NAME,
                "A pool with the system name '" + systemName + "' already exists in this project"));
    }

    @Test
    void renaming_a_pool_to_the_system_name_of_another_pool_of_the_project_is_refused() {
        login("alice");
        String taken = unique("taken");
        pools.create(arbitrary(taken));
        PoolId other = pools.create(arbitrary(unique("other")));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> pools.update(other, arbitrary(taken)));

        assertThat(e.errors()).containsKey(PoolDraft.SYSTEM_NAME);
    }

    @Test
    void the_same_system_name_may_exist_in_another_project() {
        String systemName = unique("shared");
        login("alice");
        PoolId inAcme = pools.create(arbitrary(systemName));
        login("bob");

        PoolId inGlobex = pools.create(arbitrary(systemName));

        assertThat(inGlobex).isNotEqualTo(inAcme);
        assertThat(pools.findBySystemName(systemName)).map(Pool::projectId).contains(project("globex"));
    }

    // --- value type and face value -----------------------------------------------------------------------------

    @Test
    void a_fixed_pool_requires_a_face_value() {
        login("alice");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> pools.create(
                new PoolDraft(unique("fixed"), "Fixed", ValueType.FIXED, null, false, null, null)));

        assertThat(e.errors()).containsEntry(PoolDraft.FACE_VALUE, "Face value is required for a FIXED pool");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0       | Face value must be a positive amount",
            "-5      | Face value must be a positive amount",
            "10.005  | Face value: at most 2 decimals"})
    void a_face_value_is_a_positive_amount_with_at_most_two_decimals(String amount, String message) {
        login("alice");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> pools.create(
                new PoolDraft(unique("fv"), "Face value", ValueType.FIXED, new BigDecimal(amount), false, null, null)));

        assertThat(e.errors()).containsEntry(PoolDraft.FACE_VALUE, message);
    }

    @Test
    void a_face_value_is_kept_with_two_decimals() {
        assertThat(new FaceValue(new BigDecimal("1000")).amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(new FaceValue(new BigDecimal("12.50000")).amount()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void an_arbitrary_pool_has_no_face_value() {
        login("alice");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> pools.create(new PoolDraft(
                unique("arb"), "Arbitrary", ValueType.ARBITRARY, BigDecimal.TEN, false, null, null)));

        assertThat(e.errors()).containsKey(PoolDraft.FACE_VALUE);
    }

    @Test
    void every_broken_rule_of_a_draft_is_reported_at_once() {
        login("alice");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> pools.create(
                new PoolDraft("Bad Name", " ", ValueType.FIXED, null, false, ValidityUnit.DAYS, 0)));

        assertThat(e.errors()).containsOnlyKeys(PoolDraft.SYSTEM_NAME, PoolDraft.NAME, PoolDraft.FACE_VALUE,
                PoolDraft.VALIDITY);
        assertThat(e.errors()).containsEntry(PoolDraft.NAME, "Name is required");
    }

    // --- validity ----------------------------------------------------------------------------------------------

    @Test
    void a_pool_may_have_no_validity_period() {
        login("alice");

        PoolId id = pools.create(arbitrary(unique("none")));

        assertThat(pools.get(id).validity()).isEqualTo(Validity.none());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "DAYS   | 0    | Validity: enter a positive number of days",
            "MONTHS | -1   | Validity: enter a positive number of months",
            "DAYS   | null | Validity: enter the number of days",
            "null   | 30   | Validity: choose days or months",
            "MONTHS | 1201 | Validity: at most 1200 months"})
    void a_validity_period_is_a_positive_number_of_days_or_months(ValidityUnit unit, Integer amount, String message) {
        login("alice");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> pools.create(
                new PoolDraft(unique("val"), "Validity", ValueType.ARBITRARY, null, false, unit, amount)));

        assertThat(e.errors()).containsEntry(PoolDraft.VALIDITY, message);
    }

    @Test
    void the_expiry_is_the_purchase_date_plus_the_period_in_utc() {
        var purchased = Instant.parse("2025-01-31T10:00:00Z");

        assertThat(Validity.months(1).expiryFrom(purchased)).contains(Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(Validity.days(90).expiryFrom(purchased)).contains(Instant.parse("2025-05-01T10:00:00Z"));
        assertThat(Validity.none().expiryFrom(purchased)).isEmpty();
        assertThat(Validity.days(90).expiryFrom(null)).isEmpty();
    }

    // --- locked once cards exist -------------------------------------------------------------------------------

    @Test
    void a_pool_without_cards_may_change_every_field() {
        login("alice");
        PoolId id = pools.create(new PoolDraft(unique("free"), "Free", ValueType.FIXED, new BigDecimal("100"), false,
                ValidityUnit.DAYS, 30));
        String renamed = unique("free-renamed");

        Pool updated = pools.update(id, new PoolDraft(renamed, "Renamed", ValueType.ARBITRARY, null, true, null, null));

        assertThat(updated.systemName().value()).isEqualTo(renamed);
        assertThat(updated.valueType()).isEqualTo(ValueType.ARBITRARY);
        assertThat(updated.faceValue()).isNull();
        assertThat(updated.cvvRequired()).isTrue();
        assertThat(updated.validity()).isEqualTo(Validity.none());
        assertThat(pools.hasCards(id)).isFalse();
    }

    @Test
    void once_a_pool_has_cards_its_value_type_face_value_and_validity_are_locked() {
        login("alice");
        PoolDraft original = new PoolDraft(unique("locked"), "Locked", ValueType.FIXED, new BigDecimal("500"), false,
                ValidityUnit.MONTHS, 12);
        PoolId id = pools.create(original);
        insertCard(id);
        assertThat(pools.hasCards(id)).isTrue();

        assertLocked(id, withValueType(original, ValueType.ARBITRARY, null), PoolDraft.VALUE_TYPE,
                "Value type is locked: the pool already has cards");
        assertLocked(id, withValueType(original, ValueType.FIXED, new BigDecimal("600")), PoolDraft.FACE_VALUE,
                "Face value is locked: the pool already has cards");
        assertLocked(id, withValidity(original, ValidityUnit.MONTHS, 24), PoolDraft.VALIDITY,
                "Validity is locked: the pool already has cards");
        assertLocked(id, withValidity(original, null, null), PoolDraft.VALIDITY,
                "Validity is locked: the pool already has cards");

        Pool stored = pools.get(id);
        assertThat(stored.faceValue()).isEqualByComparingTo("500");
        assertThat(stored.validity()).isEqualTo(Validity.months(12));
    }

    @Test
    void once_a_pool_has_cards_its_names_and_cvv_transfer_may_still_change() {
        login("alice");
        PoolDraft original = new PoolDraft(unique("open"), "Open", ValueType.FIXED, new BigDecimal("500"), false,
                ValidityUnit.DAYS, 90);
        PoolId id = pools.create(original);
        insertCard(id);
        String renamed = unique("open-renamed");

        Pool updated = pools.update(id, new PoolDraft(renamed, "Open, renamed", ValueType.FIXED,
                new BigDecimal("500.0"), true, ValidityUnit.DAYS, 90));

        assertThat(updated.systemName().value()).isEqualTo(renamed);
        assertThat(updated.name()).isEqualTo("Open, renamed");
        assertThat(updated.cvvRequired()).isTrue();
        assertThat(updated.faceValue()).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void the_database_itself_refuses_to_change_the_locked_rules_of_a_pool_with_cards() {
        login("alice");
        PoolId id = pools.create(new PoolDraft(unique("db-locked"), "Locked in SQL", ValueType.FIXED,
                new BigDecimal("100"), false, null, null));
        insertCard(id);

        assertThatThrownBy(() -> jdbc.sql("update pool set face_value = 200 where id = ?").param(id.value()).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("locked once the pool has cards");
        assertThat(jdbc.sql("update pool set name = 'renamed in SQL' where id = ?").param(id.value()).update())
                .isEqualTo(1);
    }

    // --- tenancy and roles -------------------------------------------------------------------------------------

    @Test
    void an_admin_of_acme_can_neither_list_read_nor_change_a_globex_pool() {
        login("bob");
        String globexName = unique("globex-secret");
        PoolId globexPool = pools.create(arbitrary(globexName));
        PoolId nowhere = PoolId.of(Long.MAX_VALUE);

        login("alice");

        assertThat(pools.all()).extracting(Pool::id).doesNotContain(globexPool);
        assertThat(pools.all()).extracting(Pool::projectId).containsOnly(project("acme"));
        assertThat(pools.overview()).extracting(o -> o.pool().id()).doesNotContain(globexPool);
        assertThat(pools.findBySystemName(globexName)).isEmpty();
        assertThat(pools.findBySystemName("globex-only")).isEmpty();
        assertSameAsMissing(() -> pools.get(globexPool), () -> pools.get(nowhere));
        assertSameAsMissing(() -> pools.hasCards(globexPool), () -> pools.hasCards(nowhere));
        assertSameAsMissing(() -> pools.update(globexPool, arbitrary(unique("hijack"))),
                () -> pools.update(nowhere, arbitrary(unique("hijack"))));

        login("bob");
        assertThat(pools.get(globexPool).systemName().value()).isEqualTo(globexName);
    }

    @Test
    void an_account_manager_may_read_pools_but_neither_create_nor_edit_them() {
        login("maria");
        Pool gold = pools.findBySystemName("gold-1000").orElseThrow();

        assertThat(pools.all()).isNotEmpty();
        assertThat(pools.get(gold.id())).isEqualTo(gold);
        assertThat(pools.mayManage()).isFalse();
        assertThatThrownBy(() -> pools.create(arbitrary(unique("by-maria"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pools.update(gold.id(), PoolDraft.of(gold)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_project_admin_may_manage_pools() {
        login("alice");

        assertThat(pools.mayManage()).isTrue();
    }

    @Test
    void nobody_logged_in_gets_no_pools_at_all() {
        TestLogins.logout();

        assertThatThrownBy(() -> pools.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pools.findBySystemName("gold-1000")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_platform_admin_without_membership_gets_no_pools() {
        login("root");

        assertThatThrownBy(() -> pools.all()).isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void login(String username) {
        TestLogins.login(users, username);
    }

    private ProjectId project(String slug) {
        return projects.findBySlug(slug).orElseThrow().id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PoolDraft arbitrary(String systemName) {
        return new PoolDraft(systemName, "Pool " + systemName, ValueType.ARBITRARY, null, false, null, null);
    }

    private static PoolDraft withValueType(PoolDraft d, ValueType type, BigDecimal faceValue) {
        return new PoolDraft(d.systemName(), d.name(), type, faceValue, d.cvvRequired(), d.validityUnit(),
                d.validityAmount());
    }

    private static PoolDraft withValidity(PoolDraft d, ValidityUnit unit, Integer amount) {
        return new PoolDraft(d.systemName(), d.name(), d.valueType(), d.faceValue(), d.cvvRequired(), unit, amount);
    }

    private void assertLocked(PoolId id, PoolDraft draft, String field, String message) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> pools.update(id, draft));
        assertThat(e).as("update of %s", field).isNotNull();
        assertThat(e.errors()).containsEntry(field, message);
    }

    /** Inserts one card into the pool with SQL, as an import would. */
    private void insertCard(PoolId pool) {
        jdbc.sql("""
                        insert into gift_card (project_id, pool_id, card_number, balance)
                        select project_id, id, ?, coalesce(face_value, 1) from pool where id = ?
                        """)
                .params("T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), pool.value())
                .update();
    }

    private static void assertSameAsMissing(Runnable otherProject, Runnable nowhere) {
        NotFoundException a = catchThrowableOfType(NotFoundException.class, otherProject::run);
        NotFoundException b = catchThrowableOfType(NotFoundException.class, nowhere::run);
        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(a.getMessage()).isEqualTo(b.getMessage()).isEqualTo("No such pool");
    }
}

package com.giftcardimport.importing.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.pool.Pool;
import com.giftcardimport.pool.Validity;
import com.giftcardimport.importing.ColumnMapping;
import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.RowError;
import com.giftcardimport.importing.RowErrorCodes;
import com.giftcardimport.importing.SourceRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final List<String> HEADERS = List.of("Номер карты", "Пул", "CVV", "Баланс", "Точка", "Дата покупки", "Статус");
    static final ColumnMapping ALL = ColumnMapping.of(Map.of(
            0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.CVV, 3, GiftCardField.BALANCE,
            4, GiftCardField.POINT_OF_CONTACT, 5, GiftCardField.PURCHASE_DATE, 6, GiftCardField.STATUS), 7);
    static final Map<String, Pool> POOLS = Map.of(
            "gold-1000", TestPools.fixed(11, "gold-1000", "1000.00", true, Validity.months(12)),
            "flex", TestPools.arbitrary(12, "flex", false),
            "summer.2026", TestPools.fixed(13, "summer.2026", "500.00", false, Validity.days(90)));

    final RowValidator validator = new RowValidator(ALL, HEADERS, POOLS, NOW);

    @Test
    void a_valid_row_becomes_a_card_with_every_field_converted() {
        ValidCard card = valid(row(2, " AB-1 ", "gold-1000", "007", "1 000,00", " shop-1 ", "2024-01-31 10:00", "Активна"));
        assertThat(card.rowNumber()).isEqualTo(2);
        assertThat(card.cardNumber()).isEqualTo("AB-1");
        assertThat(card.poolId()).isEqualTo(11);
        assertThat(card.cvv()).isEqualTo("007");
        assertThat(card.balance()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(card.pointOfContact()).isEqualTo("shop-1");
        assertThat(card.purchasedAt()).isEqualTo(Instant.parse("2024-01-31T10:00:00Z"));
        assertThat(card.expiresAt()).isEqualTo(Instant.parse("2025-01-31T10:00:00Z"));
        assertThat(card.status()).isEqualTo("CAN_BE_USED");
        assertThat(card.toString()).doesNotContain("007");
    }

    @Test
    void optional_fields_may_be_empty_and_an_empty_status_means_inactive() {
        ValidCard card = valid(row(3, "C1", "flex", "", "5", "", "", ""));
        assertThat(card.cvv()).isNull();
        assertThat(card.pointOfContact()).isNull();
        assertThat(card.purchasedAt()).isNull();
        assertThat(card.expiresAt()).isNull();
        assertThat(card.status()).isEqualTo("INACTIVE");
    }

    @Test
    void optional_fields_without_a_column_are_skipped() {
        ColumnMapping required = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL,
                2, GiftCardField.BALANCE), 3);
        RowValidator minimal = new RowValidator(required, List.of("n", "p", "b"), POOLS, NOW);
        RowOutcome outcome = minimal.validate(new SourceRow(2, List.of("C1", "flex", "10")));
        assertThat(outcome).isInstanceOf(ValidCard.class);
        assertThat(((ValidCard) outcome).status()).isEqualTo("INACTIVE");
    }

    @Test
    void expiry_is_purchase_date_plus_the_pools_validity_in_months_or_days() {
        assertThat(valid(row(2, "C1", "gold-1000", "123", "1000", "", "2024-02-29", "")).expiresAt())
                .isEqualTo(Instant.parse("2025-02-28T00:00:00Z"));
        assertThat(valid(row(2, "C2", "summer.2026", "", "500", "", "2025-01-01T08:00:00+03:00", "")).expiresAt())
                .isEqualTo(Instant.parse("2025-04-01T05:00:00Z"));
    }

    @Test
    void without_a_purchase_date_the_expiry_stays_empty_even_in_a_pool_with_validity() {
        assertThat(valid(row(2, "C1", "gold-1000", "123", "1000", "", "", "")).expiresAt()).isNull();
    }

    @Test
    void every_problem_of_a_row_is_reported_with_column_value_code_and_message() {
        List<RowError> errors = errors(row(7, "7.003E+15", "gold-1000", "12", "999,5", "", "2025-02-30", "Sold"));
        assertThat(errors).extracting(RowError::rowNumber).containsOnly(7L);
        assertThat(errors).extracting(RowError::column)
                .containsExactly("Номер карты", "CVV", "Баланс", "Дата покупки", "Статус");
        assertThat(errors).extracting(RowError::code).containsExactly(
                RowErrorCodes.CARD_NUMBER_SCIENTIFIC_NOTATION, RowErrorCodes.CVV_INVALID,
                RowErrorCodes.BALANCE_NOT_FACE_VALUE, RowErrorCodes.PURCHASE_DATE_IMPOSSIBLE,
                RowErrorCodes.STATUS_UNKNOWN);
        assertThat(errors.get(0).value()).isEqualTo("7.003E+15");
        assertThat(errors.get(0).message()).contains("scientific notation");
    }

    @Test
    void required_fields_that_are_empty_fail_the_row() {
        assertThat(errors(row(2, "", "", "", "", "", "", ""))).extracting(RowError::code).containsExactly(
                RowErrorCodes.CARD_NUMBER_MISSING, RowErrorCodes.POOL_MISSING, RowErrorCodes.BALANCE_MISSING);
    }

    @Test
    void a_pool_that_is_not_in_this_project_gets_the_same_message_as_one_that_does_not_exist() {
        // the validator only knows the importing project's pools: "globex-only" lives in another project
        RowError otherProject = errors(row(2, "C1", "globex-only", "", "5", "", "", "")).getFirst();
        RowError nowhere = errors(row(2, "C1", "no-such-pool", "", "5", "", "", "")).getFirst();
        assertThat(otherProject.code()).isEqualTo(RowErrorCodes.POOL_NOT_FOUND).isEqualTo(nowhere.code());
        assertThat(otherProject.message()).isEqualTo("Pool 'globex-only' does not exist in this project: create it "
                + "first or check the system name");
        assertThat(nowhere.message()).isEqualTo(otherProject.message().replace("globex-only", "no-such-pool"));
    }

    @Test
    void a_pool_system_name_is_matched_after_trimming_and_ignoring_case() {
        assertThat(valid(row(2, "C1", " FLEX ", "", "5", "", "", "")).poolId()).isEqualTo(12);
    }

    @Test
    void a_pool_with_cvv_transfer_needs_a_cvv_on_every_card() {
        RowError error = errors(row(2, "C1", "gold-1000", " ", "1000", "", "", "")).getFirst();
        assertThat(error.code()).isEqualTo(RowErrorCodes.CVV_MISSING);
        assertThat(error.column()).isEqualTo("CVV");
        assertThat(error.message()).contains("'gold-1000' transfers CVVs");
        assertThat(valid(row(2, "C1", "flex", "", "5", "", "", "")).cvv()).isNull();
    }

    @Test
    void a_cvv_is_masked_in_errors() {
        RowError error = errors(row(2, "C1", "flex", "98765", "5", "", "", "")).getFirst();
        assertThat(error.code()).isEqualTo(RowErrorCodes.CVV_INVALID);
        assertThat(error.value()).isEqualTo("***");
        assertThat(error.message()).doesNotContain("98765");
    }

    @Test
    void a_fixed_pool_rejects_a_balance_other_than_its_face_value() {
        assertThat(valid(row(2, "C1", "summer.2026", "", "500", "", "", "")).balance()).isEqualTo(new BigDecimal("500.00"));
        assertThat(valid(row(2, "C1", "summer.2026", "", "500,0", "", "", "")).balance()).isEqualByComparingTo("500");
        RowError error = errors(row(2, "C1", "summer.2026", "", "500.01", "", "", "")).getFirst();
        assertThat(error.code()).isEqualTo(RowErrorCodes.BALANCE_NOT_FACE_VALUE);
        assertThat(error.message()).contains("'500.01'").contains("face value 500.00").contains("'summer.2026'");
    }

    @Test
    void a_point_of_contact_is_trimmed_and_at_most_255_characters() {
        assertThat(valid(row(2, "C1", "flex", "", "5", "  " + "p".repeat(255) + "  ", "", "")).pointOfContact())
                .hasSize(255);
        assertThat(errors(row(2, "C1", "flex", "", "5", "p".repeat(256), "", ""))).extracting(RowError::code)
                .containsExactly(RowErrorCodes.POINT_OF_CONTACT_TOO_LONG);
    }

    @Test
    void a_purchase_date_in_the_future_fails_the_row() {
        assertThat(errors(row(2, "C1", "flex", "", "5", "", "2025-06-16", ""))).extracting(RowError::code)
                .containsExactly(RowErrorCodes.PURCHASE_DATE_IN_FUTURE);
    }

    @Test
    void a_row_with_extra_non_empty_values_fails_but_trailing_empty_values_are_ignored() {
        assertThat(validator.validate(new SourceRow(2, List.of("C1", "flex", "", "5", "", "", "", "", " "))))
                .isInstanceOf(ValidCard.class);
        List<RowError> errors = errors(new SourceRow(2, List.of("C1", "flex", "", "1000", "50", "", "", "", "x")));
        assertThat(errors).extracting(RowError::code).containsExactly(RowErrorCodes.ROW_HAS_EXTRA_VALUES);
        assertThat(errors.getFirst().column()).isNull();
    }

    @Test
    void a_row_shorter_than_the_header_reads_the_missing_values_as_empty() {
        assertThat(validator.validate(new SourceRow(2, List.of("C1", "flex", "", "5")))).isInstanceOf(ValidCard.class);
    }

    @Test
    void a_mapped_value_with_bytes_the_encoding_could_not_read_fails_its_row() {
        List<RowError> errors = errors(row(2, "C1", "flex", "", "5", "Маг\ufffdзин", "", ""));
        assertThat(errors).extracting(RowError::code).containsExactly(RowErrorCodes.INVALID_ENCODING);
        assertThat(errors.getFirst().column()).isEqualTo("Точка");
    }

    @Test
    void a_row_the_reader_already_failed_keeps_the_readers_errors_with_a_cvv_masked() {
        SourceRow cut = new SourceRow(4, List.of("C1", "flex", "1234567890"), List.of(
                new RowError(4, "CVV", "1234567890", RowErrorCodes.FIELD_TOO_LONG, "too long")));
        InvalidRow outcome = (InvalidRow) validator.validate(cut);
        assertThat(outcome.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(RowErrorCodes.FIELD_TOO_LONG);
            assertThat(e.value()).isEqualTo("***");
        });
    }

    @Test
    void a_mapping_with_problems_cannot_build_a_validator() {
        ColumnMapping incomplete = ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER), 3);
        assertThatThrownBy(() -> new RowValidator(incomplete, List.of("a", "b", "c"), POOLS, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pool system name");
    }

    @Test
    void a_column_without_a_name_is_called_by_its_position_in_errors() {
        RowValidator unnamed = new RowValidator(ALL, Arrays.asList("", "p", "c", "b", "t", "d", "s"), POOLS, NOW);
        RowError error = ((InvalidRow) unnamed.validate(row(2, "A B", "flex", "", "5", "", "", ""))).errors().getFirst();
        assertThat(error.column()).isEqualTo("Column 1");
    }

    // --- helpers

    static SourceRow row(long number, String... cells) {
        return new SourceRow(number, List.of(cells));
    }

    ValidCard valid(SourceRow row) {
        RowOutcome outcome = validator.validate(row);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ValidCard.class);
        return (ValidCard) outcome;
    }

    List<RowError> errors(SourceRow row) {
        RowOutcome outcome = validator.validate(row);
        assertThat(outcome).isInstanceOf(InvalidRow.class);
        return ((InvalidRow) outcome).errors();
    }
}

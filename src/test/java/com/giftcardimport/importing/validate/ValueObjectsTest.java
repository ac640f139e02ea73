package com.giftcardimport.importing.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.card.GiftCardStatus;
import com.giftcardimport.importing.RowErrorCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    // --- card number

    @Test
    void a_card_number_is_trimmed_and_keeps_letters_digits_and_dashes() {
        assertThat(CardNumber.parse("  AB-0012 \t").value()).isEqualTo("AB-0012");
        assertThat(CardNumber.parse("x".repeat(64)).value()).hasSize(64);
    }

    @Test
    void an_empty_card_number_is_refused() {
        assertRefused(() -> CardNumber.parse("   "), RowErrorCodes.CARD_NUMBER_MISSING);
    }

    @Test
    void a_card_number_longer_than_64_characters_is_refused() {
        assertRefused(() -> CardNumber.parse("1".repeat(65)), RowErrorCodes.CARD_NUMBER_TOO_LONG)
                .hasMessageContaining("65 characters").hasMessageContaining("at most 64");
    }

    @Test
    void a_card_number_with_other_characters_is_refused_naming_the_character() {
        assertRefused(() -> CardNumber.parse("AB 12"), RowErrorCodes.CARD_NUMBER_INVALID_CHARACTERS)
                .hasMessageContaining("'AB 12'").hasMessageContaining("the character U+0020");
        assertRefused(() -> CardNumber.parse("АБ12"), RowErrorCodes.CARD_NUMBER_INVALID_CHARACTERS)
                .hasMessageContaining("the character А:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.003E+15", "7,003E+15", "7E+15", "1.23457e+18"})
    void a_card_number_in_scientific_notation_is_explained_as_a_spreadsheet_conversion(String value) {
        assertRefused(() -> CardNumber.parse(value), RowErrorCodes.CARD_NUMBER_SCIENTIFIC_NOTATION)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("a spreadsheet turned the card number into a number");
    }

    // --- CVV

    @Test
    void a_cvv_keeps_its_leading_zeros_and_is_never_shown_whole() {
        Cvv cvv = Cvv.parse(" 007 ");
        assertThat(cvv.digits()).isEqualTo("007");
        assertThat(cvv.toString()).isEqualTo("***").doesNotContain("007");
        assertThat(Cvv.parse("0123").digits()).isEqualTo("0123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "12345", "12a", "1 23"})
    void a_cvv_must_be_3_or_4_digits_and_the_message_does_not_show_it(String value) {
        assertRefused(() -> Cvv.parse(value), RowErrorCodes.CVV_INVALID)
                .hasMessageContaining("3 or 4 digits")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
    }

    // --- amount

    @Test
    void an_amount_takes_a_dot_or_a_comma_as_decimal_mark_and_spaces_between_thousands() {
        assertThat(Amount.parse("1000").value()).isEqualByComparingTo("1000.00");
        assertThat(Amount.parse("1000.5").value()).isEqualTo(new BigDecimal("1000.50"));
        assertThat(Amount.parse("1 000,50").value()).isEqualTo(new BigDecimal("1000.50"));
        assertThat(Amount.parse("1\u00a0000\u00a0000,05").value()).isEqualTo(new BigDecimal("1000000.05"));
        assertThat(Amount.parse("0").value()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Amount.parse(",5").value()).isEqualTo(new BigDecimal("0.50"));
        assertThat(Amount.parse("99999999999999999.99").value()).isEqualTo(new BigDecimal("99999999999999999.99"));
    }

    @Test
    void amounts_written_differently_are_equal_as_numbers() {
        BigDecimal face = new BigDecimal("1000.00");
        assertThat(Amount.parse("1000").sameAs(face)).isTrue();
        assertThat(Amount.parse("1000.0").sameAs(face)).isTrue();
        assertThat(Amount.parse("1000,00").sameAs(face)).isTrue();
        assertThat(Amount.parse("1 000").sameAs(face)).isTrue();
        assertThat(Amount.parse("999,99").sameAs(face)).isFalse();
    }

    @Test
    void a_negative_amount_is_refused() {
        assertRefused(() -> Amount.parse("-5"), RowErrorCodes.BALANCE_NEGATIVE).hasMessageContaining("'-5'");
    }

    @Test
    void an_amount_with_more_than_two_decimals_is_refused() {
        assertRefused(() -> Amount.parse("10.555"), RowErrorCodes.BALANCE_TOO_MANY_DECIMALS)
                .hasMessageContaining("3 decimals");
        assertRefused(() -> Amount.parse("1,000"), RowErrorCodes.BALANCE_TOO_MANY_DECIMALS)
                .hasMessageContaining("separates thousands");
    }

    @Test
    void an_amount_with_both_decimal_marks_or_one_mark_twice_is_refused_as_ambiguous() {
        assertRefused(() -> Amount.parse("1,000.50"), RowErrorCodes.BALANCE_AMBIGUOUS);
        assertRefused(() -> Amount.parse("1.000.000"), RowErrorCodes.BALANCE_AMBIGUOUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100 руб", "$100", "1e3", "10 00", "1 0000", "1 000 00", "12 , 5", "abc", ".", "1. 5"})
    void an_amount_with_other_characters_or_misplaced_spaces_is_refused(String value) {
        assertRefused(() -> Amount.parse(value), RowErrorCodes.BALANCE_INVALID);
    }

    @Test
    void an_empty_or_too_large_amount_is_refused() {
        assertRefused(() -> Amount.parse(" "), RowErrorCodes.BALANCE_MISSING);
        assertRefused(() -> Amount.parse("123456789012345678"), RowErrorCodes.BALANCE_TOO_LARGE);
        assertRefused(() -> Amount.parse("1".repeat(41)), RowErrorCodes.BALANCE_TOO_LONG);
    }

    // --- purchase date

    @Test
    void an_iso_date_time_with_an_offset_or_z_is_converted_to_utc() {
        assertThat(date("2024-05-31T14:30:00Z")).isEqualTo("2024-05-31T14:30:00Z");
        assertThat(date("2024-05-31T14:30:00+03:00")).isEqualTo("2024-05-31T11:30:00Z");
        assertThat(date("2024-05-31T14:30:00.250-0130")).isEqualTo("2024-05-31T16:00:00.250Z");
        assertThat(date("2024-05-31T14:30+03")).isEqualTo("2024-05-31T11:30:00Z");
    }

    @Test
    void a_date_time_without_an_offset_is_utc() {
        assertThat(date("2024-05-31T14:30:15")).isEqualTo("2024-05-31T14:30:15Z");
        assertThat(date("2024-05-31 14:30")).isEqualTo("2024-05-31T14:30:00Z");
        assertThat(date("2024-05-31 14:30:15")).isEqualTo("2024-05-31T14:30:15Z");
    }

    @Test
    void an_iso_date_is_midnight_utc() {
        assertThat(date("2024-02-29")).isEqualTo("2024-02-29T00:00:00Z");
    }

    @Test
    void a_day_month_year_date_with_dots_is_read_with_or_without_time() {
        assertThat(date("31.05.2024")).isEqualTo("2024-05-31T00:00:00Z");
        assertThat(date("31.05.2024 14:30")).isEqualTo("2024-05-31T14:30:00Z");
        assertThat(date("31.05.2024 14:30:59")).isEqualTo("2024-05-31T14:30:59Z");
        assertThat(date("1.5.2024 9:05")).isEqualTo("2024-05-01T09:05:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2023-02-29", "31.04.2024", "2024-13-01", "2024-05-31 24:00", "2024-05-31T10:60"})
    void a_date_that_does_not_exist_is_refused(String value) {
        assertRefused(() -> PurchaseDate.parse(value, NOW), RowErrorCodes.PURCHASE_DATE_IMPOSSIBLE)
                .hasMessageContaining("'" + value + "' does not exist");
    }

    @Test
    void the_impossible_date_message_says_how_long_the_month_is() {
        assertRefused(() -> PurchaseDate.parse("2025-02-30", NOW), RowErrorCodes.PURCHASE_DATE_IMPOSSIBLE)
                .hasMessageContaining("month 02 of 2025 has 28 days");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024/05/31", "05/31/2024", "2024-5-31", "31.05.24", "2024-05-31T", "2024-05-31 14",
            "20240531", "31.05.2024T14:30", "2024-05-31 14:30 MSK"})
    void a_date_in_another_form_is_refused_listing_the_accepted_forms(String value) {
        assertRefused(() -> PurchaseDate.parse(value, NOW), RowErrorCodes.PURCHASE_DATE_INVALID)
                .hasMessageContaining("2024-05-31T14:30:00Z");
    }

    @Test
    void a_date_in_the_future_is_refused() {
        assertThat(date("2025-06-15T12:00:00Z")).isEqualTo("2025-06-15T12:00:00Z");
        assertThat(date("2025-06-15")).isEqualTo("2025-06-15T00:00:00Z");
        assertRefused(() -> PurchaseDate.parse("2025-06-15T12:00:01Z", NOW), RowErrorCodes.PURCHASE_DATE_IN_FUTURE)
                .hasMessageContaining("in the future");
        assertRefused(() -> PurchaseDate.parse("16.06.2025", NOW), RowErrorCodes.PURCHASE_DATE_IN_FUTURE);
    }

    // --- status

    @Test
    void a_status_is_read_case_insensitively_in_english_or_russian() {
        assertThat(CardStatus.parse("CanBeUsed")).isEqualTo(GiftCardStatus.CAN_BE_USED);
        assertThat(CardStatus.parse("canbeused")).isEqualTo(GiftCardStatus.CAN_BE_USED);
        assertThat(CardStatus.parse(" INACTIVE ")).isEqualTo(GiftCardStatus.INACTIVE);
        assertThat(CardStatus.parse("blocked")).isEqualTo(GiftCardStatus.BLOCKED);
        assertThat(CardStatus.parse("Можно использовать")).isEqualTo(GiftCardStatus.CAN_BE_USED);
        assertThat(CardStatus.parse("Активна")).isEqualTo(GiftCardStatus.CAN_BE_USED);
        assertThat(CardStatus.parse("неактивна")).isEqualTo(GiftCardStatus.INACTIVE);
        assertThat(CardStatus.parse("Не активирована")).isEqualTo(GiftCardStatus.INACTIVE);
        assertThat(CardStatus.parse("ЗАБЛОКИРОВАНА")).isEqualTo(GiftCardStatus.BLOCKED);
    }

    @Test
    void an_empty_status_means_inactive() {
        assertThat(CardStatus.parse("")).isEqualTo(GiftCardStatus.INACTIVE);
        assertThat(CardStatus.parse("  ")).isEqualTo(GiftCardStatus.INACTIVE);
    }

    @Test
    void an_unknown_status_is_refused_listing_the_known_ones() {
        assertRefused(() -> CardStatus.parse("Sold"), RowErrorCodes.STATUS_UNKNOWN)
                .hasMessageContaining("'Sold'").hasMessageContaining("CanBeUsed, Inactive or Blocked");
    }

    // --- helpers

    static String date(String value) {
        return PurchaseDate.parse(value, NOW).value().toString();
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Runnable parse, String code) {
        return assertThatThrownBy(parse::run)
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).code()).isEqualTo(code));
    }
}

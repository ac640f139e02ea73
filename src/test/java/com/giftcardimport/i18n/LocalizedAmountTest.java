package com.giftcardimport.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocalizedAmountTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    private static final Locale ENGLISH = Locale.forLanguageTag("en-US");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 000,00|1000.00", "1\u00a0000,50|1000.50", "1\u202f000,5|1000.50", "1000.50|1000.50", "1000,50|1000.50",
        "1000|1000.00", "12 345 678|12345678.00", "0,5|0.50", ",5|0.50", "7.|7.00", " 250 |250.00"})
    void russian_reads_spaces_between_thousands_and_either_decimal_mark(String typed, String expected) {
        assertThat(LocalizedAmount.parse(typed, RUSSIAN)).isEqualByComparingTo(expected).hasScaleOf(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,000.00|1000.00", "1,000|1000.00", "1,234,567.89|1234567.89", "1000.5|1000.50", "1 000.50|1000.50",
        "1000|1000.00"})
    void english_reads_commas_or_spaces_between_thousands_and_a_decimal_point(String typed, String expected) {
        assertThat(LocalizedAmount.parse(typed, ENGLISH)).isEqualByComparingTo(expected).hasScaleOf(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 000,00|amount.mixedSeparators", "1000,50|amount.badGroups", "1,00|amount.badGroups",
        "1.000,00|amount.separatorAfterDecimalMark", "1.5.0|amount.twoDecimalMarks", "10 00|amount.badGroups"})
    void english_refuses_what_it_would_have_to_guess(String typed, String reason) {
        assertThatThrownBy(() -> LocalizedAmount.parse(typed, ENGLISH))
                .isInstanceOfSatisfying(AmountNotUnderstoodException.class, e -> {
                    assertThat(e.key()).isEqualTo(reason);
                    assertThat(e.arguments()[0]).isEqualTo(typed);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.000|amount.threeDecimals", "1,000|amount.threeDecimals", "1,000.00|amount.twoDecimalMarks",
        "1.000.000|amount.twoDecimalMarks", "1 00,5|amount.badGroups", "1000,505|amount.threeDecimals",
        "1,2345|amount.tooManyDecimals", "-5|amount.negative", "5 руб.|amount.character", "1e3|amount.character",
        ".|amount.noDigits", "123456789012345678|amount.tooLarge"})
    void russian_refuses_what_it_would_have_to_guess(String typed, String reason) {
        assertThatThrownBy(() -> LocalizedAmount.parse(typed, RUSSIAN))
                .isInstanceOfSatisfying(AmountNotUnderstoodException.class, e -> assertThat(e.key()).isEqualTo(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0"})
    void blank_text_is_no_amount(String typed) {
        assertThat(LocalizedAmount.parse(typed, RUSSIAN)).isNull();
        assertThat(LocalizedAmount.parse(null, ENGLISH)).isNull();
    }

    @Test
    void an_amount_is_written_back_the_way_the_locale_writes_it() {
        assertThat(LocalizedAmount.format(new BigDecimal("1000"), RUSSIAN)).isEqualTo("1\u00a0000,00");
        assertThat(LocalizedAmount.format(new BigDecimal("1234567.5"), ENGLISH)).isEqualTo("1,234,567.50");
    }

    @Test
    void what_is_written_is_read_back_as_the_same_amount_in_both_languages() {
        BigDecimal amount = new BigDecimal("9876543.21");
        for (Locale locale : new Locale[] {RUSSIAN, ENGLISH}) {
            assertThat(LocalizedAmount.parse(LocalizedAmount.format(amount, locale), locale))
                    .isEqualByComparingTo(amount);
        }
    }
}

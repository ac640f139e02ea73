package com.giftcardimport.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant EVENING = Instant.parse("2026-11-29T14:05:09Z");

    @Test
    void russian_writes_day_month_year_with_dots_and_spaces_between_thousands() {
        assertThat(Formats.date(LocalDate.of(2026, 11, 29), Languages.RUSSIAN)).isEqualTo("29.11.2026");
        assertThat(Formats.dateTime(EVENING, Languages.RUSSIAN)).isEqualTo("29.11.2026 14:05 UTC");
        assertThat(Formats.dateTimeSeconds(EVENING, Languages.RUSSIAN)).isEqualTo("29.11.2026 14:05:09 UTC");
        assertThat(Formats.number(1_000_000, Languages.RUSSIAN)).isEqualTo("1\u00a0000\u00a0000");
        assertThat(Formats.amount(new BigDecimal("1000"), Languages.RUSSIAN)).isEqualTo("1\u00a0000,00");
    }

    @Test
    void english_writes_month_day_year_with_slashes_and_commas_between_thousands() {
        assertThat(Formats.date(LocalDate.of(2026, 1, 5), Languages.ENGLISH)).isEqualTo("01/05/2026");
        assertThat(Formats.dateTime(EVENING, Languages.ENGLISH)).isEqualTo("11/29/2026 14:05 UTC");
        assertThat(Formats.number(1_000_000, Languages.ENGLISH)).isEqualTo("1,000,000");
        assertThat(Formats.amount(new BigDecimal("1000"), Languages.ENGLISH)).isEqualTo("1,000.00");
    }

    @Test
    void nothing_is_written_for_no_value() {
        assertThat(Formats.date(null, Languages.RUSSIAN)).isEmpty();
        assertThat(Formats.dateTime(null, Languages.ENGLISH)).isEmpty();
        assertThat(Formats.amount(null, Languages.ENGLISH)).isEmpty();
        assertThat(Formats.number(null, Languages.ENGLISH)).isEmpty();
    }
}

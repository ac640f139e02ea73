package com.giftcardimport.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Numbers, amounts, dates and times as the user's locale writes them, for every view: {@code 1 000},
 * {@code 1 000,00}, {@code 29.11.2026}, {@code 29.11.2026 14:05 UTC} in Russian; {@code 1,000}, {@code 1,000.00},
 * {@code 11/29/2026}, {@code 11/29/2026 14:05 UTC} in English. Times are UTC, as everywhere in the product.
 * A view passes its own {@code getLocale()}: {@code Formats.dateTime(job.launchedAt(), getLocale())}.
 */
public final class Formats {

    private Formats() {
    }

    /** A whole number with the locale's thousands separator; empty for {@code null}. */
    public static String number(Number value, Locale locale) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** An amount with two decimals; empty for {@code null}. */
    public static String amount(BigDecimal value, Locale locale) {
        return value == null ? "" : LocalizedAmount.format(value, locale);
    }

    /** A date with a four-digit year; empty for {@code null}. */
    public static String date(LocalDate value, Locale locale) {
        return value == null ? "" : dateFormatter(locale).format(value);
    }

    /** A date and time in UTC, to the minute, marked {@code UTC}; empty for {@code null}. */
    public static String dateTime(Instant value, Locale locale) {
        return value == null ? "" : DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm 'UTC'", locale)
                .withZone(ZoneOffset.UTC).format(value);
    }

    /** A date and time in UTC, to the second, marked {@code UTC}; empty for {@code null}. */
    public static String dateTimeSeconds(Instant value, Locale locale) {
        return value == null ? "" : DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm:ss 'UTC'", locale)
                .withZone(ZoneOffset.UTC).format(value);
    }

    /** The locale's short date pattern with a four-digit year: {@code dd.MM.yyyy}, {@code MM/dd/yyyy}. */
    public static String datePattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        String fourDigitYear = pattern.replaceAll("y+", "yyyy");
        return fourDigitYear.replaceAll("(?<!d)d(?!d)", "dd").replaceAll("(?<!M)M(?!M)", "MM");
    }

    private static DateTimeFormatter dateFormatter(Locale locale) {
        return DateTimeFormatter.ofPattern(datePattern(locale), locale);
    }
}

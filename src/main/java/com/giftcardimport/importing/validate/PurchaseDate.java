package com.giftcardimport.importing.validate;

import com.giftcardimport.i18n.Text;
import static com.giftcardimport.importing.RowErrorCodes.PURCHASE_DATE_IMPOSSIBLE;
import static com.giftcardimport.importing.RowErrorCodes.PURCHASE_DATE_INVALID;
import static com.giftcardimport.importing.RowErrorCodes.PURCHASE_DATE_IN_FUTURE;
import static com.giftcardimport.importing.RowErrorCodes.PURCHASE_DATE_TOO_LONG;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * When a card was bought, in UTC, not in the future. Accepted forms:
 * <ul>
 *   <li>ISO-8601 date-time: {@code 2024-05-31T14:30}, {@code 2024-05-31T14:30:15}, with fractions of a second,
 *       with {@code Z} or an offset ({@code +03:00}, {@code +0300}, {@code +03}) converted to UTC; no offset
 *       means UTC. A space may stand for the {@code T}: {@code 2024-05-31 14:30[:15]}.</li>
 *   <li>ISO date: {@code 2024-05-31} (midnight UTC).</li>
 *   <li>{@code dd.MM.yyyy[ HH:mm[:ss]]}: {@code 31.05.2024}, {@code 31.05.2024 14:30}; a one-digit day, month or
 *       hour ({@code 1.5.2024 9:05}) is read too, as spreadsheets write it.</li>
 * </ul>
 * Dates that do not exist ({@code 2025-02-30}, {@code 24:00}) are refused, like {@code ResolverStyle.STRICT}.
 * Parsed by hand, without regular expressions or exceptions on the happy path: it runs once per row.
 */
public record PurchaseDate(Instant value) {

    public static final int MAX_LENGTH = 40;

    public PurchaseDate {
        if (value == null) {
            throw new IllegalArgumentException("A purchase date is required");
        }
    }

    /**
     * Parses a trimmed, non-empty purchase date and checks it is not after {@code clock}'s now.
     *
     * @throws InvalidValueException when the text is not a date in an accepted form, names a date that does not
     *                               exist, or lies in the future
     */
    public static PurchaseDate parse(String raw, Clock clock) {
        String s = CellText.strip(raw);
        if (s.isEmpty()) {
            throw invalid(s);
        }
        if (s.length() > MAX_LENGTH) {
            throw new InvalidValueException(PURCHASE_DATE_TOO_LONG, Text.of("rowError.purchaseDate.tooLong",
                    CellText.cut(s), s.length()));
        }
        Instant instant = new Parser(s).parse();
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            throw new InvalidValueException(PURCHASE_DATE_IN_FUTURE, Text.of("rowError.purchaseDate.future",
                    CellText.cut(s), now.truncatedTo(ChronoUnit.SECONDS)));
        }
        return new PurchaseDate(instant);
    }

    private static InvalidValueException invalid(String s) {
        return new InvalidValueException(PURCHASE_DATE_INVALID, Text.of("rowError.purchaseDate.invalid",
                CellText.cut(s)));
    }

    /** A cursor over the text; every method either advances or reports the text as invalid. */
    private static final class Parser {

        private final String s;
        private final int n;
        private final boolean iso;
        private int i;
        private int year;
        private int month;
        private int day;
        private int hour;
        private int minute;
        private int second;
        private int nanos;
        private int offsetSeconds;

        Parser(String s) {
            this.s = s;
            this.n = s.length();
            this.iso = n >= 8 && isDigit(0) && isDigit(1) && isDigit(2) && isDigit(3) && s.charAt(4) == '-';
        }

        Instant parse() {
            date();
            if (i < n) {
                time();
            }
            checkExists();
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(epochSecond, nanos);
        }

        /** {@code yyyy-MM-dd} or {@code d.M.yyyy}. */
        private void date() {
            if (iso) {
                year = digits(4, 4);
                expect('-');
                month = digits(2, 2);
                expect('-');
                day = digits(2, 2);
            } else {
                day = digits(1, 2);
                expect('.');
                month = digits(1, 2);
                expect('.');
                year = digits(4, 4);
            }
        }

        /** After the date: a space (or {@code T} in ISO form), {@code H:mm[:ss[.fraction]]}, an ISO offset. */
        private void time() {
            char separator = s.charAt(i);
            if (separator != ' ' && !(iso && (separator == 'T' || separator == 't'))) {
                throw invalid(s);
            }
            i++;
            hour = digits(1, 2);
            expect(':');
            minute = digits(2, 2);
            if (i < n && s.charAt(i) == ':') {
                i++;
                second = digits(2, 2);
                if (iso && i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    i++;
                    fraction();
                }
            }
            if (iso && i < n) {
                offsetSeconds = offset();
            }
            if (i != n) {
                throw invalid(s);
            }
        }

        /** One to nine digits of a second, as nanoseconds. */
        private void fraction() {
            int start = i;
            while (i < n && isDigit(i) && i - start < 9) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < n && isDigit(i))) {
                throw invalid(s);
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }

        /** Refuses a month, day or time of day that does not exist. */
        private void checkExists() {
            if (month < 1 || month > 12) {
                throw impossible(Text.of("rowError.purchaseDate.noMonth", CellText.cut(s), month));
            }
            int length = Month.of(month).length(java.time.Year.isLeap(year));
            if (day < 1 || day > length) {
                throw impossible(Text.of("rowError.purchaseDate.noDay", CellText.cut(s),
                        String.format("%02d", month), year, length));
            }
            if (hour > 23 || minute > 59 || second > 59) {
                throw impossible(Text.of("rowError.purchaseDate.noTime", CellText.cut(s)));
            }
        }

        /** {@code Z}, {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm}; optionally after one space. */
        private int offset() {
            if (s.charAt(i) == ' ' && i + 1 < n) {
                i++;
            }
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z') {
                i++;
                return 0;
            }
            if (c != '+' && c != '-') {
                throw invalid(s);
            }
            i++;
            int hours = twoDigits();
            int minutes = 0;
            if (i < n) {
                if (s.charAt(i) == ':') {
                    i++;
                }
                minutes = twoDigits();
            }
            if (hours > 18 || minutes > 59) {
                throw impossible(Text.of("rowError.purchaseDate.offset", CellText.cut(s)));
            }
            int total = hours * 3_600 + minutes * 60;
            return c == '-' ? -total : total;
        }

        private int digits(int min, int max) {
            int start = i;
            int value = 0;
            while (i < n && i - start < max && isDigit(i)) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i - start < min || (i < n && isDigit(i))) {
                throw invalid(s);
            }
            return value;
        }

        private int twoDigits() {
            if (i + 2 > n || !isDigit(i) || !isDigit(i + 1)) {
                throw invalid(s);
            }
            int value = (s.charAt(i) - '0') * 10 + (s.charAt(i + 1) - '0');
            i += 2;
            return value;
        }

        private void expect(char c) {
            if (i >= n || s.charAt(i) != c) {
                throw invalid(s);
            }
            i++;
        }

        private boolean isDigit(int at) {
            char c = s.charAt(at);
            return c >= '0' && c <= '9';
        }

        private InvalidValueException impossible(Text why) {
            return new InvalidValueException(PURCHASE_DATE_IMPOSSIBLE, why);
        }
    }
}

package com.giftcardimport.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongFunction;

/**
 * The rows of the benchmark, all seven fields, made deterministically from the row's index, so that the import
 * file and the COPY file hold exactly the same cards.
 */
final class BenchmarkRows {

    static final String HEADER = "Card number,Pool system name,Gift card CVV,Card balance,"
            + "Point of contact external ID,Card purchase date (UTC),Gift card status";
    static final String[] POOLS = {"gold-1000", "flex", "summer-500"};
    static final String[] STATUSES = {"CanBeUsed", "Inactive", "Blocked"};
    static final String[] STATUS_CODES = {"CAN_BE_USED", "INACTIVE", "BLOCKED"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime FIRST_PURCHASE = LocalDateTime.of(2024, 1, 1, 0, 0);

    private BenchmarkRows() {
    }

    static String cardNumber(long i) {
        return "GC-" + (1_000_000_000_000L + i * 7919L % 1_000_000_000_000L) + "-" + i;
    }

    static int pool(long i) {
        return (int) (i % 3);
    }

    /** gold-1000 has CVV transfer; the others get a CVV on every other row. */
    static String cvv(long i) {
        if (pool(i) != 0 && i % 2 == 1) {
            return "";
        }
        long v = (i * 37L) % 10_000L;
        return i % 4 == 0 ? String.format("%04d", v) : String.format("%03d", v % 1000);
    }

    static BigDecimal balance(long i) {
        return switch (pool(i)) {
            case 0 -> new BigDecimal("1000.00");
            case 1 -> BigDecimal.valueOf(i % 100_000, 2);
            default -> new BigDecimal("500.00");
        };
    }

    static String balanceText(long i) {
        return switch (pool(i)) {
            case 0 -> "1000";
            case 1 -> balance(i).toPlainString();
            default -> "500,00";
        };
    }

    static String pointOfContact(long i) {
        return i % 5 == 0 ? "" : "POS-" + (i % 997);
    }

    static Instant purchasedAt(long i) {
        if (i % 10 == 0) {
            return null;
        }
        return FIRST_PURCHASE.plusSeconds((i * 61L) % (365L * 24 * 3600)).toInstant(ZoneOffset.UTC);
    }

    static String purchasedAtText(long i) {
        Instant at = purchasedAt(i);
        return at == null ? "" : DATE.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** gold-1000: 12 months; flex: none; summer-500: 90 days. */
    static Instant expiresAt(long i) {
        Instant at = purchasedAt(i);
        if (at == null) {
            return null;
        }
        return switch (pool(i)) {
            case 0 -> at.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
            case 1 -> null;
            default -> at.atOffset(ZoneOffset.UTC).plusDays(90).toInstant();
        };
    }

    static int status(long i) {
        return (int) ((i / 3) % 3);
    }

    /** One line of the import file (no line end). */
    static String csvLine(long i) {
        return csvLine(i, POOLS);
    }

    /**
     * One line of the import file naming the pools {@code pools} (a FIXED 1000 with CVV transfer and 12 months, an
     * ARBITRARY, a FIXED 500 with 90 days, as {@link #POOLS}).
     */
    static String csvLine(long i, String[] pools) {
        return cardNumber(i) + ',' + pools[pool(i)] + ',' + cvv(i) + ",\"" + balanceText(i) + "\","
                + pointOfContact(i) + ',' + purchasedAtText(i) + ',' + STATUSES[status(i)];
    }

    /** The benchmark's cards of rows 0 to {@code rows - 1}, with their header, as a UTF-8 CSV file. */
    static Path writeCsv(Path file, long rows) throws IOException {
        return writeCsv(file, HEADER, 0, rows, BenchmarkRows::csvLine);
    }

    /** A UTF-8 CSV file: {@code header}, then {@code line(i)} for each {@code i} from {@code from} to {@code to - 1}. */
    static Path writeCsv(Path file, String header, long from, long to, LongFunction<String> line) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (long i = from; i < to; i++) {
                out.write(line.apply(i));
                out.write('\n');
            }
        }
        return file;
    }
}

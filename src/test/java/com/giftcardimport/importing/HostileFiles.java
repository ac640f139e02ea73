package com.giftcardimport.importing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile files for the resilience tests, generated on the fly into a temporary directory (never committed).
 * Every file but the binary ones uses {@link #HEADER}: card number, pool, balance, point of contact (all mapped by
 * {@link #mapping()}) and an unmapped comment; pool {@code flex} must exist (an ARBITRARY pool without CVV, as in
 * the demo project {@code acme}). Card numbers start with a prefix unique to the test.
 */
public final class HostileFiles {

    public static final String HEADER = "Card number,Pool system name,Card balance,Point of contact external ID,Comment";
    public static final String POOL = "flex";
    public static final int MB = 1 << 20;

    /** Prefixes a spreadsheet would run as a formula: SPEC §6. */
    public static final List<String> FORMULA_PREFIXES = List.of("=", "+", "-", "@", "\t", "\r");

    private HostileFiles() {
    }

    /** Card number, pool, balance and point of contact; the comment column is not imported. */
    public static ColumnMapping mapping() {
        return ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE,
                3, GiftCardField.POINT_OF_CONTACT), 5);
    }

    /** A valid row. */
    public static String row(String prefix, int i) {
        return prefix + "-" + i + "," + POOL + ",10.50,shop-" + i + ",ok";
    }

    /** A small valid file of {@code rows} rows: what a normal request after a hostile one sends. */
    public static String validCsv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            csv.append(row(prefix, i)).append('\n');
        }
        return csv.toString();
    }

    /** Random bytes (a fixed seed, so every run sees the same file). */
    public static Path binary(Path dir, long bytes) throws IOException {
        Path file = dir.resolve("binary.csv");
        Random random = new Random(42);
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        return file;
    }

    /** {@code bytes} of CSV-looking text without a single line break: the header never ends. */
    public static Path noLineBreaks(Path dir, String prefix, long bytes) throws IOException {
        Path file = dir.resolve("no-line-breaks.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER + ",");
            long written = HEADER.length() + 1;
            for (int i = 1; written < bytes; i++) {
                String cells = prefix + "-" + i + "," + POOL + ",10.50,shop,ok,";
                write(out, cells);
                written += cells.length();
            }
        }
        return file;
    }

    /**
     * Two valid rows, then row 4 whose point of contact is a quoted value of {@code bytes} holding delimiters,
     * quotes and line breaks, then two valid rows (rows 5 and 6: the quoted value is one row however many lines it
     * spans).
     */
    public static Path hugeField(Path dir, String prefix, long bytes) throws IOException {
        Path file = dir.resolve("huge-field.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER + "\n" + row(prefix, 1) + "\n" + row(prefix, 2) + "\n");
            write(out, prefix + "-big," + POOL + ",1,\"");
            String piece = "a,b;c \"\"quoted\"\" d\ne\r\nf|g ";
            byte[] bytesOfPiece = piece.getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < bytes; written += bytesOfPiece.length) {
                out.write(bytesOfPiece);
            }
            write(out, "\",big\n" + row(prefix, 3) + "\n" + row(prefix, 4) + "\n");
        }
        return file;
    }

    /** A header of a million named columns (about 7 MB) on one line, then a data row. */
    public static Path millionNamedColumnsInHeader(Path dir, String prefix) throws IOException {
        Path file = dir.resolve("million-named-columns.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER);
            for (int i = 6; i <= 1_000_000; i++) {
                write(out, ",c" + i);
            }
            write(out, "\n" + row(prefix, 1) + "\n");
        }
        return file;
    }

    /** A header of a million columns that fits in the first megabyte (the extra ones unnamed), then data rows. */
    public static Path millionColumnsInShortHeader(Path dir, String prefix) throws IOException {
        Path file = dir.resolve("million-columns.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER);
            byte[] commas = new byte[1_000_000 - 5];
            Arrays.fill(commas, (byte) ',');
            out.write(commas);
            write(out, "\n" + row(prefix, 1) + "\n" + row(prefix, 2) + "\n");
        }
        return file;
    }

    /** A valid row, then row 3 with a million values, then a valid row (row 4). */
    public static Path millionColumnsInRow(Path dir, String prefix) throws IOException {
        Path file = dir.resolve("million-values.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER + "\n" + row(prefix, 1) + "\n");
            write(out, prefix + "-wide," + POOL + ",1,shop,wide");
            for (int i = 6; i <= 1_000_000; i++) {
                write(out, ",v");
            }
            write(out, "\n" + row(prefix, 2) + "\n");
        }
        return file;
    }

    /** A gzip stream that inflates to {@code inflatedBytes} of CSV-looking text, saved as {@code .csv}. */
    public static Path gzipBomb(Path dir, long inflatedBytes) throws IOException {
        Path file = dir.resolve("bomb.csv");
        byte[] block = new byte[MB];
        byte[] line = "0,0,0,0,0\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < block.length; i++) {
            block[i] = line[i % line.length];
        }
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16)) {
            for (long written = 0; written < inflatedBytes; written += block.length) {
                out.write(block);
            }
        }
        return file;
    }

    /**
     * A UTF-8 file whose first {@code validBytes} are valid UTF-8 (Cyrillic points of contact, so detection says
     * UTF-8), followed by rows with byte sequences that are not UTF-8: in the point of contact (mapped: the row
     * fails), in the comment (not mapped: the row is imported), in the card number (the row fails), then valid
     * rows again. Returns the file; {@link InvalidUtf8} tells its rows.
     */
    public static InvalidUtf8 invalidUtf8(Path dir, String prefix, long validBytes) throws IOException {
        Path file = dir.resolve("invalid-utf8.csv");
        byte[][] invalid = {
                {(byte) 0xC3, 0x28},                    // a lead byte without its continuation
                {(byte) 0xFF},                          // never valid in UTF-8
                {(byte) 0x80},                          // a lone continuation byte
                {(byte) 0xC0, (byte) 0xAF},             // an overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded in UTF-8
                {(byte) 0xE2, (byte) 0x82},             // a sequence cut short
        };
        int validRows = 0;
        long rowNumber = 1;
        List<Long> failingRows = new java.util.ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER + "\n");
            long written = HEADER.length() + 1;
            while (written < validBytes) {
                String line = prefix + "-" + (++validRows) + "," + POOL + ",1,Магазин №" + validRows + ",ок\n";
                write(out, line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
                rowNumber++;
            }
            int n = validRows;
            for (byte[] bad : invalid) {
                // mapped point of contact: fails
                write(out, prefix + "-poc-" + (++n) + "," + POOL + ",1,Mag");
                out.write(bad);
                write(out, "zin,ok\n");
                failingRows.add(++rowNumber);
                // unmapped comment: imported
                write(out, prefix + "-" + (++validRows + 1_000_000) + "," + POOL + ",1,shop,com");
                out.write(bad);
                write(out, "ment\n");
                rowNumber++;
                // card number: fails
                write(out, prefix + "-");
                out.write(bad);
                write(out, "-" + (++n) + "," + POOL + ",1,shop,ok\n");
                failingRows.add(++rowNumber);
            }
            for (int i = 0; i < 3; i++) {
                write(out, row(prefix, 2_000_000 + i) + "\n");
                validRows++;
                rowNumber++;
            }
        }
        return new InvalidUtf8(file, validRows, failingRows, rowNumber - 1);
    }

    /** The invalid UTF-8 file and what an import of it must do. */
    public record InvalidUtf8(Path file, int validRows, List<Long> failingRows, long dataRows) {
    }

    /**
     * Rows ending in CRLF, LF and CR in turn, with an empty line in each style between them, and a last row with no
     * line end at all. Row 9 fails (an unknown pool), so its number proves that the lines were counted the way a
     * spreadsheet shows them; {@link #MIXED_LINE_ENDINGS_VALID_ROWS} rows are valid.
     */
    public static String mixedLineEndings(String prefix) {
        return HEADER + "\r\n"                                    // row 1
                + row(prefix, 1) + "\r\n"                         // row 2
                + row(prefix, 2) + "\n"                           // row 3
                + row(prefix, 3) + "\r"                           // row 4
                + "\r\n"                                          // row 5, empty
                + "\n"                                            // row 6, empty
                + "\r"                                            // row 7, empty
                + row(prefix, 4) + "\r\n"                         // row 8
                + prefix + "-nowhere,no-such-pool,1,shop,ok\n"    // row 9 fails
                + row(prefix, 5) + "\r"                           // row 10
                + row(prefix, 6) + "\r\n"                         // row 11
                + row(prefix, 7);                                 // row 12, no line end
    }

    /** Valid rows of {@link #mixedLineEndings}. */
    public static final int MIXED_LINE_ENDINGS_VALID_ROWS = 7;

    /**
     * For every formula prefix: a row where every value starts with it (the card number and the balance fail, so
     * the row is in the error report), and a valid row whose point of contact and comment start with it (imported;
     * the point of contact is stored as given, trimmed like every value). The comment column's name is a formula
     * too. Values are quoted so that a carriage return stays inside its value.
     */
    public static String formulaInjection(String prefix) {
        StringBuilder csv = new StringBuilder(
                "Card number,Pool system name,Card balance,Point of contact external ID,\"=HYPERLINK(\"\"http://evil\"\")\"\n");
        int i = 0;
        for (String p : FORMULA_PREFIXES) {
            i++;
            csv.append(quoted(p + "cmd|'/C calc'!A0")).append(',')
                    .append(quoted(p + POOL)).append(',')
                    .append(quoted(p + "1")).append(',')
                    .append(quoted(p + "SUM(1+1)*cmd|'/C calc'!A0")).append(',')
                    .append(quoted(p + "HYPERLINK(\"http://evil\")")).append('\n');
            csv.append(quoted(prefix + "-f" + i)).append(',')
                    .append(POOL).append(',')
                    .append("5").append(',')
                    .append(quoted(p + "cmd|'/C calc'!A0")).append(',')
                    .append(quoted(p + "1+1")).append('\n');
        }
        // a card number that starts with '-' is valid, and stays as given; a later row with it fails
        csv.append(quoted("-" + prefix)).append(',').append(POOL).append(",1,shop,ok\n");
        csv.append(quoted("-" + prefix)).append(',').append(POOL).append(",1,shop,again\n");
        return csv.toString();
    }

    /** Text rows for the first {@code textBytes}, then rows whose values hold NUL and other control bytes. */
    public static Path controlBytesAfterTextHead(Path dir, String prefix, long textBytes) throws IOException {
        Path file = dir.resolve("nul-bytes.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER + "\n");
            long written = HEADER.length() + 1;
            int i = 0;
            while (written < textBytes) {
                String line = row(prefix, ++i) + "\n";
                write(out, line);
                written += line.length();
            }
            // a NUL in the mapped point of contact: the row fails
            write(out, prefix + "-nul-1," + POOL + ",1,sh\u0000op,ok\n");
            // a NUL in the unmapped comment of a valid row: imported
            write(out, prefix + "-nul-2," + POOL + ",1,shop,co\u0000mment\n");
            // a NUL in the comment of a row that fails for another reason: its cells go to the error report
            write(out, prefix + "-nul-3," + POOL + ",-1,shop,co\u0000mm\u0001\u0002ent\n");
            // a NUL in the card number
            write(out, prefix + "-nul\u0000-4," + POOL + ",1,shop,ok\n");
            write(out, row(prefix, ++i) + "\n");
        }
        return file;
    }

    /** Valid UTF-8 text rows for the first {@code textBytes}, then {@code binaryBytes} of random bytes. */
    public static Path binaryAfterTextHead(Path dir, String prefix, long textBytes, long binaryBytes)
            throws IOException {
        Path file = dir.resolve("binary-tail.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER + "\n");
            long written = HEADER.length() + 1;
            int i = 0;
            while (written < textBytes) {
                String line = row(prefix, ++i) + "\n";
                write(out, line);
                written += line.length();
            }
            Random random = new Random(7);
            byte[] block = new byte[64 * 1024];
            for (long n = 0; n < binaryBytes; n += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }

    /**
     * {@code rows} valid rows of about a megabyte each (the comment column holds {@code width} values of 10,000
     * characters), under a header with as many columns: rows at the size limits, one after the other.
     */
    public static Path rowsAtTheSizeLimit(Path dir, String prefix, int rows, int width) throws IOException {
        Path file = dir.resolve("wide-rows.csv");
        String filler = "x".repeat(9_990);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, HEADER);
            for (int c = 0; c < width; c++) {
                write(out, ",Extra " + c);
            }
            write(out, "\n");
            for (int r = 1; r <= rows; r++) {
                write(out, row(prefix, r));
                for (int c = 0; c < width; c++) {
                    write(out, "," + filler);
                }
                write(out, "\n");
            }
        }
        return file;
    }

    /** The mapping of {@link #rowsAtTheSizeLimit}: the extra columns are not imported. */
    public static ColumnMapping wideMapping(int width) {
        return ColumnMapping.of(Map.of(0, GiftCardField.CARD_NUMBER, 1, GiftCardField.POOL, 2, GiftCardField.BALANCE,
                3, GiftCardField.POINT_OF_CONTACT), 5 + width);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

package com.giftcardimport.importing.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.RowErrorCodes;
import com.giftcardimport.importing.SourceRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    static final Charset CP1251 = Charset.forName("windows-1251");

    @Test
    void the_header_is_row_1_and_the_first_data_row_is_row_2() throws IOException {
        List<SourceRow> rows = read("number,pool,balance\nA1,flex,10\nA2,flex,20\n", ',');
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2L, 3L);
        assertThat(rows.get(0).cells()).containsExactly("A1", "flex", "10");
    }

    @Test
    void a_quoted_value_holding_delimiters_and_line_breaks_is_one_row_and_later_rows_keep_spreadsheet_numbers()
            throws IOException {
        String csv = "number,comment,balance\r\n"
                + "A1,\"one, two\r\nthree\r\nfour\",10\r\n"
                + "A2,\"she said \"\"hi\"\"\",20\r\n";
        List<SourceRow> rows = read(csv, ',');
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2L, 3L);
        assertThat(rows.get(0).cell(1)).isEqualTo("one, two\r\nthree\r\nfour");
        assertThat(rows.get(1).cell(1)).isEqualTo("she said \"hi\"");
    }

    @Test
    void empty_lines_and_rows_of_empty_values_are_skipped_but_still_counted_like_a_spreadsheet() throws IOException {
        String csv = "\n\nnumber;pool\n\nA1;flex\n;;\n   \nA2;flex\n\n";
        try (CsvRowReader reader = open(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ';')) {
            assertThat(reader.headerRowNumber()).isEqualTo(3);
            assertThat(reader.header()).containsExactly("number", "pool");
            List<SourceRow> rows = drain(reader);
            assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(5L, 8L);
        }
    }

    @Test
    void a_row_of_narrow_no_break_thin_or_ideographic_spaces_is_blank_like_a_row_of_ordinary_spaces()
            throws IOException {
        String csv = "number;pool\n\u202f;\u2009\nA1;flex\n\u3000\u00a0;\ufeff\n";
        try (CsvRowReader reader = open(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ';')) {
            assertThat(drain(reader)).extracting(SourceRow::rowNumber).containsExactly(3L);
        }
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_and_crlf_line_ends_reads_clean_headers_and_values() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Номер карты,Пул\r\nA1,flex\r\n".getBytes(StandardCharsets.UTF_8);
        try (CsvRowReader reader = open(concat(bom, body), StandardCharsets.UTF_8, ',')) {
            assertThat(reader.header()).containsExactly("Номер карты", "Пул");
            SourceRow row = reader.next();
            assertThat(row.cells()).containsExactly("A1", "flex");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void a_windows_1251_file_with_semicolons_keeps_decimal_commas_inside_their_values() throws IOException {
        byte[] bytes = "Номер карты;Пул;Баланс;Точка\r\nA1;flex;1 000,50;Магазин №1\r\n".getBytes(CP1251);
        try (CsvRowReader reader = open(bytes, CP1251, ';')) {
            assertThat(reader.header()).containsExactly("Номер карты", "Пул", "Баланс", "Точка");
            assertThat(reader.next().cells()).containsExactly("A1", "flex", "1 000,50", "Магазин №1");
        }
    }

    @Test
    void a_tab_separated_txt_file_is_read_with_the_tab_delimiter() throws IOException {
        List<SourceRow> rows = read("number\tpool\tbalance\nA1\tflex\t1,5\n", '\t');
        assertThat(rows.get(0).cells()).containsExactly("A1", "flex", "1,5");
    }

    @Test
    void a_row_with_fewer_or_more_values_than_the_header_is_returned_as_it_is() throws IOException {
        List<SourceRow> rows = read("a,b,c\n1,2\n1,2,3,4\n", ',');
        assertThat(rows.get(0).cells()).containsExactly("1", "2");
        assertThat(rows.get(1).cells()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void characters_after_a_closing_quote_are_kept_as_a_spreadsheet_does() throws IOException {
        List<SourceRow> rows = read("a,b\n\"ab\"c,d\n", ',');
        assertThat(rows.get(0).cells()).containsExactly("abc", "d");
    }

    @Test
    void bytes_that_are_not_valid_in_the_encoding_become_the_replacement_character() throws IOException {
        byte[] bytes = concat("a,b\nA1,x".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '\n'});
        try (CsvRowReader reader = open(bytes, StandardCharsets.UTF_8, ',')) {
            assertThat(reader.next().cell(1)).isEqualTo("x\ufffd");
        }
    }


    @Test
    void a_nul_character_is_not_text_and_becomes_the_replacement_character_too() throws IOException {
        List<SourceRow> rows = read("a\u0000,b\nA1,x\u0000y\n\u0000,z\n", ',');
        assertThat(rows).extracting(row -> row.cells().toString())
                .containsExactly("[A1, x\ufffdy]", "[\ufffd, z]");
        try (CsvRowReader reader = open("a\u0000,b\nA1,x\n".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8, ',')) {
            assertThat(reader.header()).containsExactly("a\ufffd", "b");
        }
    }
    @Test
    void a_value_over_the_field_limit_fails_its_row_and_the_following_rows_read_normally() throws IOException {
        ReadLimits limits = new ReadLimits(10, 1000, 100);
        String csv = "a,b,c\n1,0123456789ABC,3\n2,\"quoted, 0123456789 and \"\"more\"\"\nlines\",3\n3,ok,3\n";
        try (CsvRowReader reader = CsvRowReader.open(stream(csv), new FileFormat(StandardCharsets.UTF_8, ','), limits)) {
            SourceRow first = reader.next();
            assertThat(first.rowNumber()).isEqualTo(2);
            assertThat(first.cells()).containsExactly("1", "0123456789", "3");
            assertThat(first.readErrors()).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo(RowErrorCodes.FIELD_TOO_LONG);
                assertThat(error.column()).isEqualTo("b");
                assertThat(error.message()).contains("longer than 10 characters");
            });
            SourceRow second = reader.next();
            assertThat(second.rowNumber()).isEqualTo(3);
            assertThat(second.cells()).containsExactly("2", "quoted, 01", "3");
            assertThat(second.readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.FIELD_TOO_LONG);
            SourceRow third = reader.next();
            assertThat(third.rowNumber()).isEqualTo(4);
            assertThat(third.cells()).containsExactly("3", "ok", "3");
            assertThat(third.hasReadErrors()).isFalse();
        }
    }

    @Test
    void a_row_over_the_record_limit_or_with_too_many_values_fails_and_the_next_row_reads_normally() throws IOException {
        ReadLimits limits = new ReadLimits(10, 20, 4);
        String csv = "a,b,c\n1,2,3,4,5,6,7\n1,2222222222,3333333333,4444444444\n\"x\",\"y\",z\n";
        List<SourceRow> rows = read(csv, ',', limits);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.ROW_TOO_LONG);
        assertThat(rows.get(0).cells()).containsExactly("1", "2", "3", "4");
        assertThat(rows.get(1).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.ROW_TOO_LONG);
        assertThat(rows.get(2).rowNumber()).isEqualTo(4);
        assertThat(rows.get(2).cells()).containsExactly("x", "y", "z");
        assertThat(rows.get(2).hasReadErrors()).isFalse();
    }

    @Test
    void a_value_cut_at_the_field_limit_in_a_row_then_cut_at_the_record_limit_gets_both_errors_in_that_order()
            throws IOException {
        ReadLimits limits = new ReadLimits(5, 12, 100);
        List<SourceRow> rows = read("a,b,c\n1,2345678,9999999,x\n2,ok,3\n", ',', limits);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("1", "23456", "9999");
        assertThat(rows.get(0).readErrors()).extracting(e -> e.code())
                .containsExactly(RowErrorCodes.FIELD_TOO_LONG, RowErrorCodes.ROW_TOO_LONG);
        assertThat(rows.get(0).readErrors().getFirst().column()).isEqualTo("b");
        assertThat(rows.get(1).cells()).containsExactly("2", "ok", "3");
    }

    @Test
    void a_row_cut_where_a_quoted_value_opens_keeps_that_value_empty_and_skips_the_quoted_line_breaks()
            throws IOException {
        ReadLimits limits = new ReadLimits(5, 6, 100);
        List<SourceRow> rows = read("a,b,c\n12345,\"x\ny\",z\n2,ok,3\n", ',', limits);
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2L, 3L);
        assertThat(rows.get(0).cells()).containsExactly("12345", "");
        assertThat(rows.get(0).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.ROW_TOO_LONG);
        assertThat(rows.get(1).cells()).containsExactly("2", "ok", "3");
    }

    @Test
    void a_column_name_over_the_field_limit_fails_the_file_as_having_no_usable_header() {
        ReadLimits limits = new ReadLimits(5, 100, 100);
        assertThatThrownBy(() -> read("number,balance\n1,2\n", ',', limits))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("A column name in the header row is longer than 5 characters");
    }

    @Test
    void the_non_characters_u_fffe_and_u_ffff_read_as_the_replacement_character() throws IOException {
        List<SourceRow> rows = read("a,b\nx\ufffe,\uffffy\n", ',');
        assertThat(rows.getFirst().cells()).containsExactly("x\ufffd", "\ufffdy");
        assertThat(rows.getFirst().hasReadErrors()).isFalse();
    }

    @Test
    void lone_carriage_returns_end_rows_and_a_crlf_split_across_reads_is_one_line_end() throws IOException {
        assertThat(read("a,b\r1,2\r\r3,4\r", ',')).extracting(SourceRow::rowNumber).containsExactly(2L, 4L);
        StringBuilder csv = new StringBuilder("a,b\r\n");
        while (csv.length() < 100_000) {
            csv.append("1,").append("x".repeat(csv.length() % 7)).append("\r\n");
        }
        List<SourceRow> rows = read(csv.toString(), ',');
        assertThat(rows).extracting(SourceRow::rowNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(2, rows.size() + 1).boxed().toList());
        assertThat(rows).allSatisfy(row -> assertThat(row.cells()).hasSize(2));
    }

    @Test
    void a_20_megabyte_value_fails_its_row_without_being_held_in_memory() throws IOException {
        long size = 20L * 1024 * 1024;
        InputStream in = new SequenceInputStream(new SequenceInputStream(
                stream("number,comment,balance\nA1,\""), new RepeatingStream((byte) 'x', size)),
                stream("\",10\nA2,short,20\n"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        List<SourceRow> rows;
        try (CsvRowReader reader = CsvRowReader.open(in, new FileFormat(StandardCharsets.UTF_8, ','),
                ReadLimits.defaults())) {
            rows = drain(reader);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.FIELD_TOO_LONG);
        assertThat(rows.get(0).cell(1)).hasSize(ReadLimits.DEFAULT_MAX_FIELD_CHARS);
        assertThat(rows.get(0).cell(2)).isEqualTo("10");
        assertThat(rows.get(1).cells()).containsExactly("A2", "short", "20");
        // holding the value would take 40 MB as chars, more while a builder grows; streaming it costs buffers only
        assertThat(allocated).isLessThan(size / 2);
    }

    @Test
    void a_file_without_line_breaks_fails_as_a_whole_with_a_clear_message() throws IOException {
        InputStream in = new RepeatingStream((byte) 'x', 5L * 1024 * 1024);
        assertThatThrownBy(() -> CsvRowReader.open(in, new FileFormat(StandardCharsets.UTF_8, ','), ReadLimits.defaults()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("header row");
        InputStream separated = new RepeatingStream(new byte[] {'x', ';'}, 5L * 1024 * 1024);
        assertThatThrownBy(() -> CsvRowReader.open(separated, new FileFormat(StandardCharsets.UTF_8, ';'),
                ReadLimits.defaults()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("no line breaks");
    }

    @Test
    void a_quote_that_is_never_closed_fails_the_file_naming_the_row_that_opened_it() throws IOException {
        String csv = "a,b\n1,2\n3,\"oops\n5,6\n7,8\n";
        try (CsvRowReader reader = open(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',')) {
            assertThat(reader.next().rowNumber()).isEqualTo(2);
            assertThatThrownBy(reader::next)
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("Row 3 opens a quoted value")
                    .extracting(e -> ((MalformedFileException) e).rowNumber()).isEqualTo(3L);
        }
    }

    @Test
    void an_unclosed_quote_in_a_huge_value_fails_the_file_with_bounded_memory() throws IOException {
        InputStream in = new SequenceInputStream(stream("a,b\n1,\""), new RepeatingStream((byte) 'y', 3L * 1024 * 1024));
        try (CsvRowReader reader = CsvRowReader.open(in, new FileFormat(StandardCharsets.UTF_8, ','),
                ReadLimits.defaults())) {
            assertThatThrownBy(reader::hasNext).isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("Row 2 opens a quoted value");
        }
    }

    @Test
    void an_empty_file_or_one_of_empty_lines_has_no_header_row() {
        assertThatThrownBy(() -> open(new byte[0], StandardCharsets.UTF_8, ','))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("no header row");
        assertThatThrownBy(() -> open("\n\r\n  \n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ','))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("no header row");
    }

    @Test
    void a_header_only_file_has_a_header_and_no_rows() throws IOException {
        try (CsvRowReader reader = open("a,b\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',')) {
            assertThat(reader.header()).containsExactly("a", "b");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void skip_until_resumes_at_the_first_row_at_or_after_the_given_number() throws IOException {
        String csv = "a\n1\n2\n\n4\n5\n";
        try (CsvRowReader reader = open(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',')) {
            reader.skipUntil(4);
            assertThat(drain(reader)).extracting(SourceRow::rowNumber).containsExactly(5L, 6L);
        }
        try (CsvRowReader reader = open(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',')) {
            reader.skipUntil(3);
            assertThat(drain(reader)).extracting(SourceRow::rowNumber).containsExactly(3L, 5L, 6L);
        }
    }

    @Test
    void a_utf16_file_with_a_byte_order_mark_is_read() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a;b\r\n1;2\r\n".getBytes(StandardCharsets.UTF_16LE));
        try (CsvRowReader reader = open(bytes, StandardCharsets.UTF_16LE, ';')) {
            assertThat(reader.header()).containsExactly("a", "b");
            assertThat(reader.next().cells()).containsExactly("1", "2");
        }
    }

    // --- helpers

    static List<SourceRow> read(String csv, char delimiter) throws IOException {
        return read(csv, delimiter, ReadLimits.defaults());
    }

    static List<SourceRow> read(String csv, char delimiter, ReadLimits limits) throws IOException {
        try (CsvRowReader reader = CsvRowReader.open(stream(csv), new FileFormat(StandardCharsets.UTF_8, delimiter),
                limits)) {
            return drain(reader);
        }
    }

    static CsvRowReader open(byte[] bytes, Charset charset, char delimiter) throws IOException {
        return CsvRowReader.open(new ByteArrayInputStream(bytes), new FileFormat(charset, delimiter),
                ReadLimits.defaults());
    }

    static List<SourceRow> drain(CsvRowReader reader) {
        List<SourceRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A long stream of repeated bytes that is never held in memory. */
    static final class RepeatingStream extends InputStream {
        private final byte[] pattern;
        private long remaining;
        private int index;

        RepeatingStream(byte value, long length) {
            this(new byte[] {value}, length);
        }

        RepeatingStream(byte[] pattern, long length) {
            this.pattern = pattern;
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            byte b = pattern[index];
            index = (index + 1) % pattern.length;
            return b & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = pattern[index];
                index = (index + 1) % pattern.length;
            }
            remaining -= n;
            return n;
        }
    }
}

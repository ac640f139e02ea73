package com.giftcardimport.importing.read;

import static com.giftcardimport.importing.Workbooks.row;
import static com.giftcardimport.importing.Workbooks.sheet;
import static com.giftcardimport.importing.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.RowErrorCodes;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.Workbooks.Scientific;
import com.giftcardimport.importing.validate.CardNumber;
import com.giftcardimport.importing.validate.InvalidValueException;
import com.giftcardimport.importing.validate.PurchaseDate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class XlsxRowReaderTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void the_chosen_sheet_of_a_workbook_with_several_is_read_and_the_sheets_are_listed_in_order() throws IOException {
        byte[] file = xlsx(
                sheet("Notes", row("nothing to import here")),
                sheet("Cards", row("Card number", "Pool", "Balance"), row("A-1", "flex", 10), row("A-2", "flex", 20.5)));
        try (RowSource reader = RowSource.open(new ByteArrayInputStream(file), FileFormat.workbook("Cards"),
                ReadLimits.defaults())) {
            assertThat(((XlsxRowReader) reader).sheets()).containsExactly("Notes", "Cards");
            assertThat(reader.header()).containsExactly("Card number", "Pool", "Balance");
            assertThat(drain(reader)).extracting(SourceRow::cells)
                    .containsExactly(List.of("A-1", "flex", "10"), List.of("A-2", "flex", "20.5"));
        }
        try (XlsxRowReader first = XlsxRowReader.open(new ByteArrayInputStream(file), null, ReadLimits.defaults())) {
            assertThat(first.sheet()).isEqualTo("Notes");
        }
    }

    @Test
    void a_sheet_the_workbook_does_not_have_is_refused_in_words() {
        byte[] file = xlsx(sheet("Cards", row("Card number"), row("A-1")));
        assertThatThrownBy(() -> RowSource.open(new ByteArrayInputStream(file), FileFormat.workbook("Karten"),
                ReadLimits.defaults()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("The workbook has no sheet 'Karten': choose one of its sheets");
    }

    @Test
    void row_numbers_are_the_sheets_own_with_empty_rows_skipped_but_counted() throws IOException {
        byte[] file = xlsx(sheet("Cards", null, row("Card number", "Pool"), row("A-1", "flex"), null, null,
                row("A-2", "flex"), row(null, ""), row("A-3", "flex")));
        try (RowSource reader = open(file)) {
            assertThat(reader.headerRowNumber()).isEqualTo(2);
            assertThat(drain(reader)).extracting(SourceRow::rowNumber).containsExactly(3L, 6L, 8L);
        }
    }

    @Test
    void a_card_number_stored_as_a_number_that_lost_digits_fails_like_scientific_notation_in_a_csv_file()
            throws IOException {
        byte[] file = xlsx(sheet("Cards", row("Card number"), row(1234567890123456L), row(new BigDecimal("7.003E+15")),
                row(123456789012345L)));
        try (RowSource reader = open(file)) {
            List<String> numbers = drain(reader).stream().map(r -> r.cell(0)).toList();
            assertThat(numbers).containsExactly("1.23456789012346E+15", "7.003E+15", "123456789012345");
            for (String lost : numbers.subList(0, 2)) {
                assertThatThrownBy(() -> new CardNumber(lost)).isInstanceOf(InvalidValueException.class)
                        .extracting(e -> ((InvalidValueException) e).code())
                        .isEqualTo(RowErrorCodes.CARD_NUMBER_SCIENTIFIC_NOTATION);
            }
            assertThat(new CardNumber(numbers.get(2)).value()).isEqualTo("123456789012345");
        }
    }

    @Test
    void a_number_shown_in_scientific_form_reads_in_scientific_notation() throws IOException {
        byte[] file = xlsx(sheet("Cards", row("Card number"), row(new Scientific(70030000000L))));
        try (RowSource reader = open(file)) {
            assertThat(drain(reader).getFirst().cell(0)).isEqualTo("7.003E+10");
        }
    }

    @Test
    void other_numbers_read_as_excel_shows_them_at_most_fifteen_digits_without_grouping() throws IOException {
        byte[] file = xlsx(sheet("Cards", row("Balance"), row(1000), row(30.299999999999997), row(0.5), row(-5)));
        try (RowSource reader = open(file)) {
            assertThat(drain(reader)).extracting(r -> r.cell(0)).containsExactly("1000", "30.3", "0.5", "-5");
        }
    }

    @Test
    void date_cells_read_as_dates_the_purchase_date_rule_accepts() throws IOException {
        byte[] file = xlsx(sheet("Cards", row("Purchased", "Text"),
                row(LocalDateTime.of(2024, 5, 31, 14, 30, 15), "TRUE"), row(LocalDate.of(2024, 2, 29), true)));
        try (RowSource reader = open(file)) {
            List<SourceRow> rows = drain(reader);
            assertThat(rows).extracting(r -> r.cell(0)).containsExactly("2024-05-31 14:30:15", "2024-02-29");
            assertThat(rows).extracting(r -> r.cell(1)).containsExactly("TRUE", "TRUE");
            assertThat(PurchaseDate.parse(rows.get(0).cell(0), NOW).value())
                    .isEqualTo(Instant.parse("2024-05-31T14:30:15Z"));
            assertThat(PurchaseDate.parse(rows.get(1).cell(0), NOW).value())
                    .isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        }
    }

    @Test
    void a_value_or_a_row_over_the_limits_fails_its_row_as_in_a_csv_file_and_later_rows_are_read()
            throws IOException {
        ReadLimits limits = new ReadLimits(5, 12, 3);
        byte[] file = xlsx(sheet("Cards", row("a", "b", "c"), row("123456789", "x"), row("1", "2", "3", "4"),
                row("12345", "12345", "12345"), row("ok", "ok")));
        try (RowSource reader = RowSource.open(new ByteArrayInputStream(file), FileFormat.workbook("Cards"),
                limits)) {
            List<SourceRow> rows = drain(reader);
            assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2L, 3L, 4L, 5L);
            assertThat(rows.get(0).cell(0)).isEqualTo("12345");
            assertThat(rows.get(0).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.FIELD_TOO_LONG);
            assertThat(rows.get(1).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.ROW_TOO_LONG);
            assertThat(rows.get(2).readErrors()).extracting(e -> e.code()).containsExactly(RowErrorCodes.ROW_TOO_LONG);
            assertThat(rows.get(3).hasReadErrors()).isFalse();
        }
    }

    @Test
    void a_zip_bomb_is_refused_before_anything_is_parsed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = "<row/>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 60; i++) {
                zip.write(block);
            }
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        assertThatThrownBy(() -> open(bytes.toByteArray()))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("it looks like a ZIP bomb and is not read");
    }

    @Test
    void a_cell_longer_than_the_reader_may_hold_is_refused_before_it_is_parsed() {
        byte[] file = xlsx(sheet("Cards", row("Card number"), row("x".repeat(4_100_000))));
        assertThatThrownBy(() -> open(file))
                .isInstanceOf(MalformedFileException.class)
                .hasMessage("The workbook holds a cell or part longer than 4,000,000 bytes: it cannot be read safely");
    }

    @Test
    void a_damaged_file_or_a_zip_without_a_workbook_is_not_a_workbook() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(xlsx(sheet("Cards", row("Card number"), row("A-1"))), 300);
        assertThatThrownBy(() -> open(truncated)).isInstanceOf(NotAWorkbookException.class)
                .hasMessageStartingWith("This file is not a readable Excel workbook (.xlsx)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> open(bytes.toByteArray())).isInstanceOf(NotAWorkbookException.class);
    }

    @Test
    void a_sheet_without_rows_has_no_header_row() {
        byte[] file = xlsx(sheet("Cards"));
        assertThatThrownBy(() -> open(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith("The file has no header row");
    }

    private static RowSource open(byte[] file) throws IOException {
        return XlsxRowReader.open(new ByteArrayInputStream(file), "Cards", ReadLimits.defaults());
    }

    private static List<SourceRow> drain(RowSource reader) {
        List<SourceRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }
}

package com.giftcardimport.importing.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import com.giftcardimport.i18n.Languages;
import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.FileFormat;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.Workbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSnifferTest {

    static final Charset CP1251 = Charset.forName("windows-1251");
    static final Charset KOI8 = Charset.forName("KOI8-R");

    @TempDir
    Path dir;

    final FileSniffer sniffer = new FileSniffer();

    @Test
    void a_windows_1251_file_with_semicolons_and_decimal_commas_is_detected_as_windows_1251_and_semicolon()
            throws IOException {
        String csv = "Номер карты;Системное имя пула;Баланс;Точка контакта;Статус\r\n"
                + "1001;gold-1000;1000,00;Магазин на Тверской;Активна\r\n"
                + "1002;flex;250,5;Москва, ТЦ Европейский;Неактивна\r\n"
                + "1003;flex;300;Склад;Заблокирована\r\n";
        SniffResult result = sniffer.sniff(file("cards.csv", csv.getBytes(CP1251)));
        assertThat(result.problems()).isEmpty();
        assertThat(result.encoding()).isEqualTo(CP1251);
        assertThat(result.detected()).isEqualTo(new FileFormat(CP1251, ';'));
        assertThat(result.bomPresent()).isFalse();
        assertThat(result.headers()).containsExactly("Номер карты", "Системное имя пула", "Баланс", "Точка контакта",
                "Статус");
        assertThat(result.sampleRows().get(1).cells())
                .containsExactly("1002", "flex", "250,5", "Москва, ТЦ Европейский", "Неактивна");
        assertThat(result.estimatedRows()).isEqualTo(3);
        assertThat(result.exactRowCount()).isTrue();
    }

    @Test
    void a_utf8_file_with_a_few_invalid_bytes_tells_how_many_and_which_encoding_was_chosen_instead()
            throws IOException {
        SniffResult result = sniffer.sniff(file("mostly-utf8.csv", mostlyUtf8()));

        assertThat(result.encoding()).isNotEqualTo(StandardCharsets.UTF_8);
        assertThat(english(result.warnings())).singleElement().asString()
                .startsWith("3 bytes of the file are not valid UTF-8")
                .contains("read as " + result.encoding().name() + " instead")
                .contains("choose UTF-8");
    }

    @Test
    void a_refusal_and_a_warning_are_said_in_russian_to_a_russian_reader() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        Text refusal = sniffer.sniff(file("cards.csv", png)).problems().getFirst();
        SniffResult warned = sniffer.sniff(file("mostly-utf8.csv", mostlyUtf8()));

        assertThat(refusal.in(Languages.RUSSIAN)).isEqualTo("Похоже, это изображение (PNG), а не файл CSV/TXT: "
                + "загрузите файл подарочных карт, выгруженный в CSV");
        assertThat(warned.warnings()).singleElement().extracting(w -> w.in(Languages.RUSSIAN)).asString()
                .startsWith("Байтов, недопустимых в UTF-8, в файле: 3, хотя всё остальное читается как UTF-8")
                .contains("файл прочитан в кодировке " + warned.encoding().name());
    }

    /** A UTF-8 file with three bytes that are not UTF-8 in it. */
    private static byte[] mostlyUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Номер карты;Пул;Баланс;Комментарий\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 20; i++) {
            bytes.writeBytes(("A-" + i + ";flex;5;Подарочная карта клиента\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] {'B', ';', 'f', 'l', 'e', 'x', ';', '5', ';', (byte) 0xFF, (byte) 0xC0, '\n'});
        bytes.writeBytes("C;flex;5;\u0436\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes(";flex;5;x\n".getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    @Test
    void a_windows_1251_file_and_a_valid_utf8_file_get_no_warning_about_utf8() throws IOException {
        String csv = "Номер карты;Пул;Баланс\nA-1;flex;5\nA-2;Подарки;7\n";

        assertThat(sniffer.sniff(file("cp1251.csv", csv.getBytes(CP1251))).warnings()).isEmpty();
        assertThat(sniffer.sniff(file("utf8.csv", csv.getBytes(StandardCharsets.UTF_8))).warnings()).isEmpty();
    }

    @Test
    void a_short_upper_case_windows_1251_header_is_still_windows_1251() throws IOException {
        SniffResult result = sniffer.sniff(file("short.csv", "НОМЕР;ПУЛ;БАЛАНС\r\n1;flex;5\r\n".getBytes(CP1251)));
        assertThat(result.encoding()).isEqualTo(CP1251);
    }

    @Test
    void a_koi8_r_file_is_told_apart_from_windows_1251() throws IOException {
        String csv = "Номер карты;Пул;Баланс;Точка продажи\n1;flex;5;Магазин на Тверской улице\n"
                + "2;flex;6;Торговый центр Европейский\n";
        assertThat(sniffer.sniff(file("koi8.csv", csv.getBytes(KOI8))).encoding()).isEqualTo(KOI8);
    }

    @Test
    void a_western_european_file_that_is_not_utf8_is_read_as_windows_1252() throws IOException {
        String csv = "card,pool,balance,point\n1,flex,5,Café Müller\n2,flex,6,Größe Straße\n";
        assertThat(sniffer.sniff(file("latin.csv", csv.getBytes(Charset.forName("windows-1252")))).encoding())
                .isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_and_crlf_is_utf8_and_the_mark_is_not_in_the_first_header()
            throws IOException {
        byte[] body = "Card number,Pool,Balance\r\nA1,flex,10.50\r\nA2,flex,11\r\n".getBytes(StandardCharsets.UTF_8);
        SniffResult result = sniffer.sniff(file("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body)));
        assertThat(result.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(result.bomPresent()).isTrue();
        assertThat(result.detected().delimiter()).isEqualTo(',');
        assertThat(result.headers()).containsExactly("Card number", "Pool", "Balance");
        assertThat(result.sampleRows()).extracting(SourceRow::rowNumber).containsExactly(2L, 3L);
    }

    @Test
    void a_byte_order_mark_wins_over_the_content() throws IOException {
        byte[] body = "a;b\r\n1;2\r\n".getBytes(StandardCharsets.UTF_16LE);
        SniffResult result = sniffer.sniff(file("utf16.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, body)));
        assertThat(result.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(result.bomPresent()).isTrue();
        assertThat(result.headers()).containsExactly("a", "b");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void utf16_without_a_byte_order_mark_is_recognised_rather_than_called_binary() throws IOException {
        SniffResult result = sniffer.sniff(file("utf16.txt", "a\tb\r\n1\t2\r\n".getBytes(StandardCharsets.UTF_16BE)));
        assertThat(result.problems()).isEmpty();
        assertThat(result.detected()).isEqualTo(new FileFormat(StandardCharsets.UTF_16BE, '\t'));
    }

    @Test
    void valid_utf8_is_utf8_even_when_a_character_is_cut_by_the_end_of_the_sample() throws IOException {
        StringBuilder csv = new StringBuilder("Номер;Пул;Баланс\n");
        while (csv.length() < FileSniffer.SAMPLE_BYTES) {
            csv.append("1;flex;5;Ж\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        // put a two-byte letter across the end of the sample
        int at = FileSniffer.SAMPLE_BYTES - 1;
        while ((bytes[at] & 0xff) != 0xD0) {
            at--;
        }
        byte[] shifted = new byte[bytes.length + (FileSniffer.SAMPLE_BYTES - 1 - at)];
        System.arraycopy(bytes, 0, shifted, FileSniffer.SAMPLE_BYTES - 1 - at, bytes.length);
        for (int i = 0; i < FileSniffer.SAMPLE_BYTES - 1 - at; i++) {
            shifted[i] = '#';
        }
        assertThat(EncodingDetector.isUtf8(shifted, FileSniffer.SAMPLE_BYTES, true)).isTrue();
        assertThat(EncodingDetector.isUtf8(shifted, FileSniffer.SAMPLE_BYTES, false)).isFalse();
    }

    @Test
    void a_tab_separated_txt_file_gets_the_tab_delimiter() throws IOException {
        SniffResult result = sniffer.sniff(file("cards.txt", "Card No\tPool\tBalance\nA1\tflex\t1,5\nA2\tflex\t2\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(result.detected().delimiter()).isEqualTo('\t');
        assertThat(result.headers()).containsExactly("Card No", "Pool", "Balance");
    }

    @Test
    void a_delimiter_inside_quoted_values_does_not_count() throws IOException {
        String csv = "number|comment|balance\n1|\"a, b; c\"|5\n2|\"x;y,z\nw\"|6\n3|plain|7\n";
        SniffResult result = sniffer.sniff(file("pipes.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.detected().delimiter()).isEqualTo('|');
        assertThat(result.sampleRows()).extracting(SourceRow::rowNumber).containsExactly(2L, 3L, 4L);
        assertThat(result.estimatedRows()).isEqualTo(3);
    }

    @Test
    void a_comma_file_with_comma_free_rows_keeps_the_comma() throws IOException {
        SniffResult result = sniffer.sniff(file("c.csv", "a,b,c\n1,2,3\n\"4;5\",6,7\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.detected().delimiter()).isEqualTo(',');
    }

    @Test
    void a_large_file_gets_an_estimate_of_its_rows_from_the_head_only() throws IOException {
        Path file = dir.resolve("big.csv");
        long rows = 300_000;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("card;pool;balance\n".getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i < rows; i++) {
                out.write(String.format("CARD-%08d;flex;%d,50\n", i, i % 1000).getBytes(StandardCharsets.UTF_8));
            }
        }
        SniffResult result = sniffer.sniff(file);
        assertThat(result.exactRowCount()).isFalse();
        assertThat(result.estimatedRows()).isBetween(rows * 95 / 100, rows * 105 / 100);
        assertThat(result.sampleRows()).hasSize(FileSniffer.SAMPLE_ROWS);
        assertThat(result.detected().delimiter()).isEqualTo(';');
    }

    @Test
    void an_override_of_encoding_and_delimiter_redraws_the_sample() throws IOException {
        Path file = file("cards.csv", "Номер;Баланс\n1;5,5\n".getBytes(CP1251));
        SniffResult wrong = sniffer.sniff(file, new FileFormat(StandardCharsets.UTF_8, ','));
        assertThat(wrong.detected()).isEqualTo(new FileFormat(StandardCharsets.UTF_8, ','));
        assertThat(wrong.headers().getFirst()).contains("\ufffd");
        assertThat(wrong.sampleRows().getFirst().cells()).containsExactly("1;5", "5");
        SniffResult encodingOnly = sniffer.sniff(file, CP1251);
        assertThat(encodingOnly.detected()).isEqualTo(new FileFormat(CP1251, ';'));
        assertThat(encodingOnly.headers()).containsExactly("Номер", "Баланс");
    }

    @Test
    void a_png_image_is_refused_as_not_a_text_file() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        SniffResult result = sniffer.sniff(file("cards.csv", png));
        assertThat(english(result.problems())).singleElement().asString().contains("image (PNG)")
                .contains("not a CSV/TXT file");
        assertThat(result.ok()).isFalse();
        assertThat(result.headers()).isEmpty();
    }

    @Test
    void an_xlsx_that_cannot_be_read_as_a_workbook_is_refused_with_advice_to_save_it_again() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        SniffResult result = sniffer.sniff(file("cards.xlsx", bytes.toByteArray()));
        assertThat(english(result.problems())).containsExactly("This looks like a spreadsheet (XLSX) file that cannot be read: "
                + "open it in Excel and save it again as Excel Workbook (.xlsx), or save it as CSV UTF-8 (comma or "
                + "semicolon delimited) and upload again");
    }

    @Test
    void an_xlsx_workbook_is_read_from_its_first_sheet_and_lists_its_sheets() throws IOException {
        byte[] workbook = Workbooks.xlsx(
                Workbooks.sheet("Cards", Workbooks.row("Card number", "Pool"), Workbooks.row("A-1", "flex")),
                Workbooks.sheet("Old", Workbooks.row("Card number"), Workbooks.row("B-1"), Workbooks.row("B-2")));

        SniffResult first = sniffer.sniff(file("cards.xlsx", workbook));
        assertThat(first.ok()).isTrue();
        assertThat(first.detected()).isEqualTo(FileFormat.workbook("Cards"));
        assertThat(first.sheets()).containsExactly("Cards", "Old");
        assertThat(first.headers()).containsExactly("Card number", "Pool");
        assertThat(first.estimatedRows()).isEqualTo(1);
        assertThat(first.exactRowCount()).isTrue();

        SniffResult other = sniffer.sniff(file("cards.xlsx", workbook), FileFormat.workbook("Old"));
        assertThat(other.sampleRows()).extracting(r -> r.cell(0)).containsExactly("B-1", "B-2");
    }

    @Test
    void a_zip_archive_a_gzip_file_an_old_xls_and_random_binary_are_refused() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("cards.csv"));
            zip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(english(sniffer.sniff(file("a.zip", zipped.toByteArray())).problems())).singleElement().asString()
                .contains("compressed archive (ZIP)");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(english(sniffer.sniff(file("a.gz", gzipped.toByteArray())).problems())).singleElement().asString()
                .contains("(gzip)");
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(english(sniffer.sniff(file("a.xls", ole)).problems())).singleElement().asString().contains("(XLS");
        byte[] random = new byte[4096];
        new java.util.Random(7).nextBytes(random);
        random[0] = 'x';
        assertThat(english(sniffer.sniff(file("a.bin", random)).problems())).singleElement().asString()
                .contains("not a text file");
    }

    @Test
    void an_empty_file_is_refused() throws IOException {
        SniffResult result = sniffer.sniff(file("empty.csv", new byte[0]));
        assertThat(english(result.problems())).singleElement().asString().contains("The file is empty");
    }

    @Test
    void a_file_of_empty_lines_has_no_header_row() throws IOException {
        SniffResult result = sniffer.sniff(file("blank.csv", "\r\n\r\n   \r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(english(result.problems())).singleElement().asString().contains("no header row");
    }

    @Test
    void a_header_only_file_is_refused_as_having_no_cards() throws IOException {
        SniffResult result = sniffer.sniff(file("header.csv", "Card number;Pool;Balance\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.headers()).containsExactly("Card number", "Pool", "Balance");
        assertThat(english(result.problems())).containsExactly("The file has a header row but no data rows: there are no cards "
                + "to import");
        assertThat(result.estimatedRows()).isZero();
    }

    @Test
    void a_file_without_line_breaks_is_refused() throws IOException {
        byte[] bytes = "x;".repeat(FileSniffer.SAMPLE_BYTES).getBytes(StandardCharsets.UTF_8);
        SniffResult result = sniffer.sniff(file("one-line.csv", bytes));
        assertThat(english(result.problems())).singleElement().asString().contains("no line breaks");
        byte[] small = "x;".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        assertThat(english(sniffer.sniff(file("one-line-small.csv", small)).problems())).singleElement().asString()
                .contains("no line breaks");
    }

    @Test
    void an_unclosed_quote_in_a_small_file_is_a_file_level_problem() throws IOException {
        SniffResult result = sniffer.sniff(file("q.csv", "a,b\n1,2\n3,\"four\n5,6\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(english(result.problems())).singleElement().asString().contains("Row 3 opens a quoted value");
        assertThat(result.sampleRows()).extracting(SourceRow::rowNumber).containsExactly(2L);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<String> english(List<Text> texts) {
        return texts.stream().map(Text::english).toList();
    }
}

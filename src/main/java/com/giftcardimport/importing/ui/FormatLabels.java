package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import com.giftcardimport.importing.SourceRow;
import com.giftcardimport.importing.file.FileSource;
import com.giftcardimport.importing.sniff.FileSniffer;
import com.giftcardimport.importing.sniff.SniffResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** How the upload step names encodings and delimiters, and the templates it offers (CSV and Excel). */
final class FormatLabels {

    private FormatLabels() {
    }

    /** The header row of the template of {@code action}: each of its fields by name. */
    static byte[] templateCsv(ImportAction action) {
        return (action.fields().stream().map(GiftCardField::label).collect(Collectors.joining(","))
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same template as an Excel workbook: the CSV template's rows, read with the import's own reader, on one
     * sheet whose columns are formatted as Text, so that a long card number typed in keeps its digits.
     */
    static byte[] templateXlsx(ImportAction action, String sheetName) {
        byte[] csv = templateCsv(action);
        try {
            SniffResult read = new FileSniffer().sniff(bytes(csv));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "GiftCardImport", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            List<String> header = read.headers();
            for (int c = 0; c < header.size(); c++) {
                sheet.style(c).format("@").set();
                sheet.width(c, Math.max(14, header.get(c).length() + 2));
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().format("@").set();
            }
            int r = 1;
            for (SourceRow row : read.sampleRows()) {
                for (int c = 0; c < row.cells().size(); c++) {
                    sheet.value(r, c, row.cell(c));
                }
                r++;
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSource bytes(byte[] content) {
        return new FileSource() {
            @Override
            public long size() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    /** The encoding's name with what it is for, e.g. "windows-1251 (Cyrillic)", in the user's language. */
    static String encodingLabel(Charset charset) {
        String name = charset.name();
        String hint = switch (name) {
            case "UTF-8" -> "wizard.encoding.unicode";
            case "windows-1251", "KOI8-R", "IBM866", "ISO-8859-5" -> "wizard.encoding.cyrillic";
            case "windows-1252", "ISO-8859-1" -> "wizard.encoding.western";
            case "UTF-16LE", "UTF-16BE" -> "wizard.encoding.unicode16";
            default -> "";
        };
        return hint.isEmpty() ? name : name + " (" + ImportDisplay.t(hint) + ")";
    }

    static String delimiterLabel(Character c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case ',' -> ImportDisplay.t("wizard.delimiter.comma") + "  ,";
            case ';' -> ImportDisplay.t("wizard.delimiter.semicolon") + "  ;";
            case '\t' -> ImportDisplay.t("wizard.delimiter.tab");
            default -> ImportDisplay.t("wizard.delimiter.pipe") + "  |";
        };
    }
}

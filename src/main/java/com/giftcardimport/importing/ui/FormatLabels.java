package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.ImportTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** How the upload step names encodings and delimiters, and the Excel variant of the template it offers. */
final class FormatLabels {

    private FormatLabels() {
    }

    /**
     * The template as an Excel workbook: the template's rows ({@link ImportTemplate#rows}, header and examples) on one
     * sheet whose columns are formatted as Text, so that a long card number typed in keeps its digits.
     */
    static byte[] templateXlsx(List<List<String>> rows, String sheetName) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "GiftCardImport", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            List<String> header = rows.getFirst();
            for (int c = 0; c < header.size(); c++) {
                sheet.style(c).format("@").set();
                sheet.width(c, Math.max(14, header.get(c).length() + 2));
                sheet.style(0, c).bold().format("@").set();
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package com.giftcardimport.importing;

import com.giftcardimport.i18n.Text;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The template a file of an action starts from, in one place for every format (the wizard's CSV, an {@code .xlsx}
 * template): a header naming each field of the action in the reader's language (names the auto-mapping knows),
 * then two example rows, also in that language ({@code 1 000,00} and {@code Можно использовать} in Russian). A
 * file written from it imports into a project that has the pool the examples name.
 */
public final class ImportTemplate {

    /** How many example rows follow the header. */
    public static final int EXAMPLE_ROWS = 2;

    private ImportTemplate() {
    }

    /** The header and the example rows of the template of {@code action}, each a list of cells. */
    public static List<List<String>> rows(ImportAction action, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(action.fields().stream().map(f -> Text.of("refusal.field." + f.name()).in(locale)).toList());
        for (int example = 1; example <= EXAMPLE_ROWS; example++) {
            int n = example;
            rows.add(action.fields().stream()
                    .map(f -> Text.of("template.example." + f.name() + "." + n).in(locale)).toList());
        }
        return rows;
    }

    /** The template as CSV in {@code delimiter}: UTF-8 with a byte-order mark, so that spreadsheets read it right. */
    public static byte[] csv(ImportAction action, Locale locale, char delimiter) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                .setRecordSeparator("\r\n").get())) {
            for (List<String> row : rows(action, locale)) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The delimiter a template uses when the project has no import yet: Excel's own for the language. */
    public static char defaultDelimiter(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? ';' : ',';
    }
}

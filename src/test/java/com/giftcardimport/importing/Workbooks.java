package com.giftcardimport.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Real Excel workbooks ({@code .xlsx}) for tests, written by fastexcel as Excel would: text as shared strings,
 * numbers as numbers, dates as date-formatted numbers.
 */
public final class Workbooks {

    /** A sheet: its name and its rows from row 1; a null row is left out (an empty row of the sheet). */
    public record Sheet(String name, List<List<Object>> rows) {
    }

    /** A number shown in scientific form ({@code 0.00E+00}), as Excel formats a long number typed in. */
    public record Scientific(Number value) {
    }

    private Workbooks() {
    }

    /** A sheet of {@link #row}s from row 1; a null leaves that row of the sheet empty. */
    public static Sheet sheet(String name, Object... rows) {
        List<List<Object>> list = new ArrayList<>(rows.length);
        for (Object row : rows) {
            list.add(row == null ? null : cells((List<?>) row));
        }
        return new Sheet(name, list);
    }

    private static List<Object> cells(List<?> row) {
        return new ArrayList<>(row);
    }

    /** A row of cells: text, numbers, {@link LocalDate}, {@link LocalDateTime}, {@link Scientific}, null for none. */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    public static byte[] xlsx(Sheet... sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, sheets);
        return out.toByteArray();
    }

    public static void write(OutputStream out, Sheet... sheets) {
        try {
            Workbook workbook = new Workbook(out, "GiftCardImportTest", "1.0");
            for (Sheet sheet : sheets) {
                Worksheet ws = workbook.newWorksheet(sheet.name());
                for (int r = 0; r < sheet.rows().size(); r++) {
                    List<Object> cells = sheet.rows().get(r);
                    if (cells != null) {
                        for (int c = 0; c < cells.size(); c++) {
                            cell(ws, r, c, cells.get(c));
                        }
                    }
                }
                ws.finish();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void cell(Worksheet ws, int r, int c, Object value) {
        switch (value) {
            case null -> {
            }
            case String text -> ws.value(r, c, text);
            case Scientific number -> {
                ws.value(r, c, number.value());
                ws.style(r, c).format("0.00E+00").set();
            }
            case Number number -> ws.value(r, c, number);
            case Boolean flag -> ws.value(r, c, flag);
            case LocalDateTime at -> {
                ws.value(r, c, at);
                ws.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
            }
            case LocalDate day -> {
                ws.value(r, c, day);
                ws.style(r, c).format("dd.mm.yyyy").set();
            }
            default -> throw new IllegalArgumentException("No cell for " + value.getClass());
        }
    }
}

package com.giftcardimport.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How to read a file. A CSV/TXT file: its character encoding and its delimiter ({@code ,} {@code ;} tab or
 * {@code |}), {@code sheet} null. An Excel workbook ({@code .xlsx}): the name of the sheet to read; a workbook
 * has no encoding or delimiter of its own, so those are UTF-8 and comma (what its error report is written with).
 */
public record FileFormat(Charset encoding, char delimiter, String sheet) {

    public static final String DELIMITERS = ",;\t|";
    /** The longest sheet name a workbook may have (Excel's own limit). */
    public static final int MAX_SHEET_NAME_LENGTH = 31;

    public FileFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("An encoding is required");
        }
        if (DELIMITERS.indexOf(delimiter) < 0) {
            throw new IllegalArgumentException("The delimiter must be one of , ; tab |");
        }
        if (sheet != null && (sheet.isEmpty() || sheet.length() > MAX_SHEET_NAME_LENGTH)) {
            throw new IllegalArgumentException("A sheet name has 1 to " + MAX_SHEET_NAME_LENGTH + " characters");
        }
    }

    /** A CSV/TXT file read with {@code encoding} and {@code delimiter}. */
    public FileFormat(Charset encoding, char delimiter) {
        this(encoding, delimiter, null);
    }

    /** Sheet {@code sheet} of an Excel workbook. */
    public static FileFormat workbook(String sheet) {
        if (sheet == null) {
            throw new IllegalArgumentException("A workbook is read one sheet at a time: the sheet is required");
        }
        return new FileFormat(StandardCharsets.UTF_8, ',', sheet);
    }

    /** Whether the file is an Excel workbook ({@link #sheet()} names the sheet read), not CSV/TXT. */
    public boolean isWorkbook() {
        return sheet != null;
    }

    /** A human name for the delimiter: "comma", "semicolon", "tab" or "pipe". */
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "pipe";
        };
    }
}

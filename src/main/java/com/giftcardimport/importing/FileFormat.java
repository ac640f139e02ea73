package com.giftcardimport.importing;

import java.nio.charset.Charset;

/** How to read a file: its character encoding and its delimiter ({@code ,} {@code ;} tab or {@code |}). */
public record FileFormat(Charset encoding, char delimiter) {

    public static final String DELIMITERS = ",;\t|";

    public FileFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("An encoding is required");
        }
        if (DELIMITERS.indexOf(delimiter) < 0) {
            throw new IllegalArgumentException("The delimiter must be one of , ; tab |");
        }
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

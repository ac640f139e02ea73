package com.giftcardimport.importing.ui;

import com.giftcardimport.importing.GiftCardField;
import com.giftcardimport.importing.ImportAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** How the upload step names encodings and delimiters, and the template it offers. */
final class FormatLabels {

    private FormatLabels() {
    }

    /** The header row of the template of {@code action}: each of its fields by name. */
    static byte[] templateCsv(ImportAction action) {
        return (action.fields().stream().map(GiftCardField::label).collect(Collectors.joining(","))
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String encodingLabel(Charset charset) {
        String name = charset.name();
        String hint = switch (name) {
            case "UTF-8" -> "Unicode";
            case "windows-1251", "KOI8-R", "IBM866", "ISO-8859-5" -> "Cyrillic";
            case "windows-1252", "ISO-8859-1" -> "Western European";
            case "UTF-16LE", "UTF-16BE" -> "Unicode, 16-bit";
            default -> "";
        };
        return hint.isEmpty() ? name : name + " (" + hint + ")";
    }

    static String delimiterLabel(Character c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case ',' -> "Comma  ,";
            case ';' -> "Semicolon  ;";
            case '\t' -> "Tab";
            default -> "Pipe  |";
        };
    }
}

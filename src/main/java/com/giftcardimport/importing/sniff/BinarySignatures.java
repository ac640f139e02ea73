package com.giftcardimport.importing.sniff;

import com.giftcardimport.i18n.Text;
import java.nio.charset.StandardCharsets;

/** Recognises files that are not text from their first bytes, and names what they probably are. */
final class BinarySignatures {

    private BinarySignatures() {
    }

    /**
     * A file-level problem in words for the user when the head is not text, or null when it may be text.
     *
     * @param head       the first bytes of the file
     * @param length     how many bytes of {@code head} are filled
     * @param utf16      whether the head was already recognised as UTF-16 (zero bytes are then expected)
     */
    static Text problem(byte[] head, int length, boolean utf16) {
        Text kind = knownKind(head, length);
        if (kind != null) {
            return kind;
        }
        if (utf16) {
            return null;
        }
        int control = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return Text.of("fileProblem.binary");
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1a) || b == 0x7f) {
                control++;
            }
        }
        if (length > 0 && control * 20L > length) {
            return Text.of("fileProblem.controlCharacters");
        }
        return null;
    }

    /** Whether the head is a ZIP container's (an Excel workbook is one). */
    static boolean isZip(byte[] head, int length) {
        return starts(head, length, 'P', 'K', 3, 4);
    }

    private static Text knownKind(byte[] h, int n) {
        if (starts(h, n, 0x89, 'P', 'N', 'G')) {
            return image("PNG");
        }
        if (starts(h, n, 0xFF, 0xD8, 0xFF)) {
            return image("JPEG");
        }
        if (starts(h, n, 'G', 'I', 'F', '8')) {
            return image("GIF");
        }
        if (starts(h, n, 'R', 'I', 'F', 'F') && n >= 12 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return image("WEBP");
        }
        if (starts(h, n, '%', 'P', 'D', 'F', '-')) {
            return Text.of("fileProblem.pdf");
        }
        if (starts(h, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Text.of("fileProblem.xls");
        }
        if (starts(h, n, 'P', 'K', 3, 4) || starts(h, n, 'P', 'K', 5, 6)) {
            return zipKind(h, n);
        }
        if (starts(h, n, 0x1F, 0x8B)) {
            return archive("gzip");
        }
        if (starts(h, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return archive("7z");
        }
        if (starts(h, n, 'R', 'a', 'r', '!')) {
            return archive("RAR");
        }
        return null;
    }

    /** A ZIP container: an office document (by the names of the entries in the head) or a plain archive. */
    private static Text zipKind(byte[] h, int n) {
        String names = new String(h, 0, n, StandardCharsets.ISO_8859_1);
        if (names.contains("xl/")) {
            return Text.of("fileProblem.xlsx");
        }
        if (names.contains("opendocument.spreadsheet")) {
            return Text.of("fileProblem.ods");
        }
        if (names.contains("word/")) {
            return Text.of("fileProblem.docx");
        }
        return archive("ZIP");
    }

    private static Text image(String type) {
        return Text.of("fileProblem.image", type);
    }

    private static Text archive(String type) {
        return Text.of("fileProblem.archive", type);
    }

    private static boolean starts(byte[] head, int length, int... signature) {
        if (length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xff) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}

package com.giftcardimport.importing.ui;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Real files for the UI tests, made in the test: lines joined with CRLF in a given encoding. */
final class ImportFiles {

    private ImportFiles() {
    }

    static byte[] utf8(String... lines) {
        return encode(StandardCharsets.UTF_8, lines);
    }

    static byte[] windows1251(String... lines) {
        return encode(Charset.forName("windows-1251"), lines);
    }

    static byte[] encode(Charset charset, String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }

    /** A prefix that makes card numbers unique in the shared test database. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The first bytes of a PNG image: not a text file. */
    static byte[] png() {
        byte[] bytes = new byte[512];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        for (int i = signature.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}

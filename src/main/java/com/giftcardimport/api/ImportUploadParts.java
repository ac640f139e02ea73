package com.giftcardimport.api;

import com.giftcardimport.importing.file.ReceivedFile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The parts of {@code POST /api/v1/imports} as they arrive: the {@code file} part is handed to {@code receive} (which
 * streams it into the upload storage) while it is read, in one pass; the other parts are short text fields, in any
 * order, before or after it. When the body turns out malformed after the file was received, {@code discard} gets it.
 *
 * @param file   the received file
 * @param fields the text fields by name
 */
record ImportUploadParts(ReceivedFile file, Map<String, String> fields) {

    /** The longest text field, in bytes. */
    static final int MAX_FIELD_BYTES = 64 * 1024;

    /** What the parts are, for the API documentation. */
    @Schema(name = "ImportUpload")
    record Form(
            @Schema(description = "The .csv, .txt or .xlsx file (of a workbook, the first visible sheet); the first "
                    + "row holds column names", format = "binary",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String file,
            @Schema(description = "JSON object naming the field for each column to import, by column name or 0-based "
                    + "position, e.g. {\"Card No\":\"CARD_NUMBER\",\"Pool\":\"POOL\",\"Amount\":\"BALANCE\"}. Columns "
                    + "not named are skipped. Without it, columns are mapped automatically.")
            String mapping,
            @Schema(description = "Character encoding, e.g. UTF-8 or windows-1251; detected when absent")
            String encoding,
            @Schema(description = "',' ';' '|' or 'tab' (also 'comma', 'semicolon', 'pipe'); detected when absent")
            String delimiter,
            @Schema(description = "What the import does: ADD_GIFT_CARDS (the default) or UPDATE_GIFT_CARD_STATUSES "
                    + "(a file of card numbers and statuses)")
            String action,
            @Schema(description = "true: import nothing, check every row and answer the summary (a dry run)")
            String dryRun) {
    }

    static ImportUploadParts read(String contentType, InputStream body,
                                  BiFunction<InputStream, String, ReceivedFile> receive,
                                  Consumer<ReceivedFile> discard) throws IOException {
        MultipartReader reader = MultipartReader.of(contentType, body);
        ReceivedFile file = null;
        Map<String, String> fields = new HashMap<>();
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                if ("file".equals(part.name())) {
                    if (file != null) {
                        throw new BadApiRequestException("The request has more than one 'file' part");
                    }
                    file = receive.apply(part.body(), part.fileName() == null ? "upload.csv" : part.fileName());
                } else if (part.name() != null && part.fileName() == null) {
                    fields.put(part.name(), text(part));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                discard.accept(file);
            }
            throw e;
        }
        if (file == null) {
            throw new BadApiRequestException(
                    "The request is not a readable multipart/form-data upload with a 'file' part");
        }
        return new ImportUploadParts(file, Map.copyOf(fields));
    }

    private static String text(MultipartReader.Part part) throws IOException {
        byte[] bytes = part.body().readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new BadApiRequestException("The part '" + part.name() + "' is longer than " + MAX_FIELD_BYTES / 1024
                    + " KB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A text field, or null when absent. */
    String field(String name) {
        return fields.get(name);
    }
}

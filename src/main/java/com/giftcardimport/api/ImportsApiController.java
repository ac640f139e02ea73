package com.giftcardimport.api;

import com.giftcardimport.i18n.Text;
import com.giftcardimport.importing.CheckSummary;
import com.giftcardimport.importing.DirectImport;
import com.giftcardimport.importing.FileInspection;
import com.giftcardimport.importing.ImportCancellation;
import com.giftcardimport.importing.ImportCheckId;
import com.giftcardimport.importing.ImportChecks;
import com.giftcardimport.importing.ImportFilter;
import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportRefusedException;
import com.giftcardimport.importing.ImportStatus;
import com.giftcardimport.importing.LaunchOutcome;
import com.giftcardimport.importing.LaunchRequest;
import com.giftcardimport.importing.NamedColumnMapping;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gift card imports of the token's project over HTTP: the same engine, rules and limits as the wizard. A create is
 * one use case, {@link DirectImport}, which answers whether it created the import or replayed an earlier one; the
 * rest read through {@link ImportQueries} and cancel through {@link ImportCancellation}. This class decides nothing
 * but HTTP.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = "application/json")
@Tag(name = "Imports", description = "Gift card imports of the token's project")
class ImportsApiController {

    static final int MAX_PAGE_SIZE = 500;

    private final FileInspection inspection;
    private final DirectImport directImport;
    private final ImportQueries imports;
    private final ImportCancellation cancellation;
    private final JsonMapper json;
    private final ImportChecks checks;

    ImportsApiController(FileInspection inspection, DirectImport directImport, ImportQueries imports,
                         ImportCancellation cancellation, JsonMapper json, ImportChecks checks) {
        this.checks = checks;
        this.inspection = inspection;
        this.directImport = directImport;
        this.imports = imports;
        this.cancellation = cancellation;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV/TXT file of gift cards",
            description = "Uploads the file, detects its encoding and delimiter (unless given), maps its columns "
                    + "(the 'mapping' part, or auto-mapping) and launches the import. The import runs in the "
                    + "background: poll GET /api/v1/imports/{id}. A file that is not usable text, has no header, or "
                    + "leaves a required field without a column is refused with a 422 problem listing the "
                    + "reasons in 'problems'; no import is created. The file streams into storage as it arrives "
                    + "(its parts may come in any order). With an Idempotency-Key, retrying the same request (the "
                    + "same file content, format and mapping; the file's name does not count) returns the same "
                    + "import (200); a different request with the same key, such as another file of the same name "
                    + "and size, is a 409 naming the import the key was used for. With a 'dryRun' part 'true', "
                    + "nothing is imported: every row is checked as the import would (against the pools, stored "
                    + "cards and the file's earlier rows) and the answer is the check's summary (200), its failed "
                    + "rows at GET /api/v1/imports/{id}/errors and .../error-report.")
    @ApiResponse(responseCode = "201", description = "The import was created")
    @ApiResponse(responseCode = "200", description = "An earlier request with the same Idempotency-Key created it")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "The file is over the size limit",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The file or the mapping cannot be imported",
            content = @Content(mediaType = "application/problem+json"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = ImportUploadParts.Form.class)))
    ResponseEntity<?> create(
            HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Parameter(description = "Up to 200 characters; a retry with the same key and the same file content "
                    + "returns the same import")
            String idempotencyKey,
            @Parameter(hidden = true) Locale locale) throws IOException {
        String key = idempotencyKey(idempotencyKey);
        ImportUploadParts parts = ImportUploadParts.read(request.getContentType(), request.getInputStream(),
                inspection::receive, received -> inspection.discard(received.file().id()));
        DirectImport.Request importRequest;
        boolean dry;
        try {
            dry = dryRun(parts.field("dryRun"));
            Optional<Charset> charset = charset(parts.field("encoding"));
            Optional<Character> separator = delimiter(parts.field("delimiter"));
            Optional<NamedColumnMapping> requested = Optional.ofNullable(parts.field("mapping"))
                    .filter(m -> !m.isBlank()).map(m -> RequestedMapping.parse(m, json));
            importRequest = new DirectImport.Request(parts.file(), charset, separator, requested, key,
                    RequestedAction.parse(parts.field("action")));
        } catch (RuntimeException e) {
            inspection.discard(parts.file().file().id());
            throw e;
        }
        if (dry) {
            DirectImport.DryRun checked = directImport.dryRun(importRequest);
            return ResponseEntity.ok(DryRunResponse.of(checked.check(), said(checked.warnings(), locale), locale));
        }
        DirectImport.Outcome imported = directImport.importFile(importRequest);
        LaunchOutcome outcome = imported.launch();
        ImportResponse body = ImportResponse.of(imports.get(outcome.id()), locale)
                .withWarnings(said(imported.warnings(), locale));
        return outcome.isCreated()
                ? ResponseEntity.created(body.location()).body(body)
                : ResponseEntity.ok().location(body.location()).body(body);
    }

    @GetMapping
    @Operation(summary = "List the project's imports, newest first")
    PageResponse<ImportResponse> list(
            @RequestParam(defaultValue = "0") @Parameter(description = "Page number, from 0") int page,
            @RequestParam(defaultValue = "20") @Parameter(description = "Page size, 1 to 500") int size,
            @RequestParam(required = false) @Parameter(description = "Only imports with this status")
            ImportStatus status,
            @Parameter(hidden = true) Locale locale) {
        Paging paging = Paging.of(page, size);
        ImportFilter filter = ImportFilter.ALL.withStatus(status);
        List<ImportResponse> items = imports.list(filter, paging.offset(), paging.size()).stream()
                .map(job -> ImportResponse.of(job, locale)).toList();
        return PageResponse.of(items, paging, imports.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an import: status, row counts, who launched it and when")
    ImportResponse get(@PathVariable long id, @Parameter(hidden = true) Locale locale) {
        return ImportResponse.of(imports.get(ImportJobId.of(id)), locale);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an import",
            description = "A queued import is cancelled at once; a running one after the chunk it is loading "
                    + "(cards committed so far stay). An import that has already ended answers 409.")
    @ApiResponse(responseCode = "202", description = "The cancel was accepted; poll the import for its end")
    @ApiResponse(responseCode = "409", description = "The import has already ended",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ImportResponse> cancel(@PathVariable long id, @Parameter(hidden = true) Locale locale) {
        ImportJobId jobId = ImportJobId.of(id);
        if (!cancellation.cancel(jobId)) {
            throw new ImportAlreadyEndedException(imports.get(jobId).status());
        }
        return ResponseEntity.accepted().body(ImportResponse.of(imports.get(jobId), locale));
    }

    @GetMapping("/{id}/errors")
    @Operation(summary = "The rows that failed, by row number, a page at a time")
    PageResponse<ErrorResponse> errors(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Parameter(description = "Page number, from 0") int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "Page size, 1 to 500") int size,
            @Parameter(hidden = true) Locale locale) {
        ImportJobId jobId = ImportJobId.of(id);
        Paging paging = Paging.of(page, size);
        Optional<ImportCheckId> check = dryRunCheck(id);
        if (check.isPresent()) {
            return PageResponse.of(checks.errors(check.get(), paging.offset(), paging.size()).stream()
                    .map(error -> ErrorResponse.of(error, locale)).toList(), paging, checks.errorCount(check.get()));
        }
        long total = imports.errorCount(jobId);
        List<ErrorResponse> items = imports.errors(jobId, paging.offset(), paging.size()).stream()
                .map(error -> ErrorResponse.of(error, locale)).toList();
        return PageResponse.of(items, paging, total);
    }

    @GetMapping(path = "/{id}/error-report", produces = {"text/csv", "application/problem+json"})
    @Operation(summary = "Download the error report",
            description = "CSV in UTF-8 with a byte-order mark and the file's own delimiter: a 'Row' column, the "
                    + "file's header and an 'Error' column, then each failed row's number, the row as the file had it "
                    + "(CVVs masked) and its messages, in the language of Accept-Language (English or Russian). "
                    + "Cells that a spreadsheet would run as formulas are neutralised.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary")))
    void errorReport(@PathVariable long id, HttpServletResponse response, @Parameter(hidden = true) Locale locale)
            throws IOException {
        ImportJobId jobId = ImportJobId.of(id);
        Optional<ImportCheckId> check = dryRunCheck(id);
        String fileName = check.isPresent() ? checks.errorReportFileName(check.get())
                : imports.errorReportFileName(jobId);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString());
        if (check.isPresent()) {
            checks.writeErrorReport(check.get(), locale, response.getOutputStream());
        } else {
            imports.writeErrorReport(jobId, locale, response.getOutputStream());
        }
        response.flushBuffer();
    }

    /** The check a dry run answered with this id (ids of imports and checks never meet), if it is one. */
    private Optional<ImportCheckId> dryRunCheck(long id) {
        if (imports.find(ImportJobId.of(id)).isPresent()) {
            return Optional.empty();
        }
        return checks.find(ImportCheckId.of(id)).filter(CheckSummary::dryRun).map(CheckSummary::id);
    }

    /** What the inspection of the file tells the caller, in the language of the request. */
    private static List<String> said(List<Text> warnings, Locale locale) {
        return warnings.stream().map(w -> w.in(locale)).toList();
    }

    private static boolean dryRun(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new BadApiRequestException("The dryRun part must be true or false");
    }

    private static Optional<Charset> charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(encoding.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportRefusedException(List.of("Unknown encoding \"" + encoding.strip()
                    + "\": use a name such as UTF-8 or windows-1251"));
        }
    }

    private static Optional<Character> delimiter(String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return Optional.empty();
        }
        Character c = switch (delimiter.strip().toLowerCase(java.util.Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "|", "pipe" -> '|';
            case "tab", "\\t" -> '\t';
            default -> delimiter.equals("\t") ? '\t' : null;
        };
        if (c == null) {
            throw new ImportRefusedException(List.of("Unknown delimiter \"" + delimiter
                    + "\": use ',' ';' '|' or 'tab'"));
        }
        return Optional.of(c);
    }

    private static String idempotencyKey(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String key = raw.strip();
        if (key.length() > LaunchRequest.MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new BadApiRequestException("The Idempotency-Key header is longer than "
                    + LaunchRequest.MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        return key;
    }
}

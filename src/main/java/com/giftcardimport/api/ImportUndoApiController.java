package com.giftcardimport.api;

import com.giftcardimport.importing.ImportJobId;
import com.giftcardimport.importing.ImportQueries;
import com.giftcardimport.importing.ImportSummary;
import com.giftcardimport.importing.ImportUndo;
import com.giftcardimport.importing.ImportUndoRefusedException;
import com.giftcardimport.importing.KeptCard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Undoing an import of the token's project over HTTP ({@link ImportUndo}); decides nothing but HTTP. */
@RestController
@RequestMapping(path = "/api/v1/imports/{id}/undo", produces = "application/json")
@Tag(name = "Imports", description = "Gift card imports of the token's project")
class ImportUndoApiController {

    private final ImportUndo undo;
    private final ImportQueries imports;

    ImportUndoApiController(ImportUndo undo, ImportQueries imports) {
        this.undo = undo;
        this.imports = imports;
    }

    /** A card the undo kept, and why. */
    record KeptCardResponse(String cardNumber, String reason) {

        static KeptCardResponse of(KeptCard card) {
            return new KeptCardResponse(card.cardNumber(), card.reason());
        }
    }

    @PostMapping
    @Operation(summary = "Undo an import",
            description = "Undoing added cards deletes the cards the import created that have not changed since "
                    + "(status, balance); undoing a status update gives each card its previous status back where "
                    + "its status has not changed since. Changed cards are kept: GET .../undo/kept-cards. The undo "
                    + "runs in the background: poll GET /api/v1/imports/{id} for its 'undo'. An import that is "
                    + "still queued or running (cancel it first), or was undone already, answers 409.")
    @ApiResponse(responseCode = "202", description = "The undo started; the import with its undo")
    @ApiResponse(responseCode = "409", description = "The import is still running, or was undone already",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ImportResponse> start(@PathVariable long id, @Parameter(hidden = true) Locale locale) {
        ImportJobId job = ImportJobId.of(id);
        undo.undo(job);
        return ResponseEntity.accepted().body(ImportResponse.of(imports.get(job), locale));
    }

    @GetMapping("/kept-cards")
    @Operation(summary = "The cards the undo kept because they changed since the import, by card number")
    PageResponse<KeptCardResponse> kept(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Parameter(description = "Page number, from 0") int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "Page size, 1 to 500") int size) {
        ImportJobId job = ImportJobId.of(id);
        Paging paging = Paging.of(page, size);
        ImportSummary summary = imports.get(job);
        List<KeptCardResponse> items = undo.keptCards(job, paging.offset(), paging.size()).stream()
                .map(KeptCardResponse::of).toList();
        return PageResponse.of(items, paging, summary.undo() == null ? 0 : summary.undo().keptCards());
    }

    @ExceptionHandler(ImportUndoRefusedException.class)
    ProblemDetail refused(ImportUndoRefusedException e) {
        return ApiProblemHandler.problem(HttpStatus.CONFLICT, "Undo refused", e.getMessage());
    }
}

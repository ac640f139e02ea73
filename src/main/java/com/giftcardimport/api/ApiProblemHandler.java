package com.giftcardimport.api;

import com.giftcardimport.base.NotFoundException;
import com.giftcardimport.base.ValidationException;
import com.giftcardimport.importing.IdempotencyConflictException;
import com.giftcardimport.importing.ImportNotFoundException;
import com.giftcardimport.importing.ImportRefusedException;
import com.giftcardimport.importing.file.FileTooLargeException;
import com.giftcardimport.importing.file.StoredFileNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as an RFC 9457 problem detail. Spring's own request errors (malformed JSON, a
 * missing part, a wrong parameter type) come from the base class; the application's exceptions are mapped here.
 * A foreign project's id is a 404 exactly like a missing one: the services cannot tell them apart, and neither
 * can this.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final long maxUploadBytes;
    private final MessageSource texts;

    ApiProblemHandler(@Value("${app.upload.max-size:2GB}") DataSize maxUploadSize, MessageSource texts) {
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.texts = texts;
    }

    @ExceptionHandler({NotFoundException.class, ImportNotFoundException.class, StoredFileNotFoundException.class})
    ProblemDetail notFound(RuntimeException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, title("notFound", locale), e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e, Locale locale) {
        Map<String, String> messages = e.messagesIn(locale);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, title("invalid", locale),
                String.join("; ", messages.values()));
        problem.setProperty("errors", messages.entrySet().stream()
                .map(error -> new FieldError(error.getKey(), error.getValue()))
                .toList());
        return problem;
    }

    @ExceptionHandler(ImportRefusedException.class)
    ProblemDetail refused(ImportRefusedException e, Locale locale) {
        List<String> problems = e.problemsIn(locale);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, title("refused", locale),
                String.join("; ", problems));
        problem.setProperty("problems", problems);
        return problem;
    }

    /** A problem's title in the language of the request's {@code Accept-Language} (English or Russian). */
    private String title(String problem, Locale locale) {
        return texts.getMessage("api.title." + problem, null, locale);
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Idempotency key reused",
                e.getMessage() + ": use a new key for a new request");
        problem.setProperty("existingImportId", e.existingJob().value());
        return problem;
    }

    @ExceptionHandler(ImportAlreadyEndedException.class)
    ProblemDetail alreadyEnded(ImportAlreadyEndedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Import already ended", e.getMessage());
        problem.setProperty("importStatus", e.status().name());
        return problem;
    }

    @ExceptionHandler(FileTooLargeException.class)
    ProblemDetail fileTooLarge(FileTooLargeException e) {
        return tooLarge(e.getMessage(), e.maxBytes());
    }

    @ExceptionHandler(BadApiRequestException.class)
    ProblemDetail badRequest(BadApiRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "This API token may not do this");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request",
                "The request is not a readable multipart/form-data upload with a 'file' part");
    }

    /** An upload over the limit, refused while the servlet container reads it (before any of it is kept). */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = tooLarge(new FileTooLargeException(maxUploadBytes).getMessage(), maxUploadBytes);
        return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("The API request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed on the server; it has been logged");
    }

    private static ProblemDetail tooLarge(String detail, long maxBytes) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", detail);
        problem.setProperty("maxBytes", maxBytes);
        return problem;
    }

    /** One rule a field of the request breaks. */
    record FieldError(String field, String message) {
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}

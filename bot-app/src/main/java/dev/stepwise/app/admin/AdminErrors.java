package dev.stepwise.app.admin;

import dev.stepwise.core.catalogue.importing.ImportRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every failure of the admin API as a problem detail with the right status and a sentence for the admin; unexpected
 * ones are logged under a reference the answer repeats. No stack trace or exception text reaches the caller.
 */
@RestControllerAdvice(assignableTypes = CatalogueAdminController.class)
class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminProperties properties;

    AdminErrors(AdminProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(AdminProblem.class)
    ResponseEntity<ProblemDetail> problem(AdminProblem problem, HttpServletRequest request) {
        return answer(problem.status(), problem.getMessage(), request);
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused refused, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, refused.getMessage(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, UploadLimits.tooLarge(properties.maxUploadSize()), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableForm(MultipartException unreadable, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The upload isn't a multipart form we can read; send it as "
                + "-F file=@export.csv -F mapping=@mapping.json.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        String reference = reference();
        log.error("Admin API request {} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, failure);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side and nothing was changed. "
                + "Please try again; if it keeps happening, give this reference to whoever runs Stepwise: " + reference + ".", request);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status).body(ProblemJson.of(status, detail, request));
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
    }
}

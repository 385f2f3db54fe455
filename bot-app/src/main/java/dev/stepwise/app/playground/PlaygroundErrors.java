package dev.stepwise.app.playground;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every playground API failure as {@code {"error": "..."}} with the right status, and never a stack trace. */
@ConditionalOnPlayground
@RestControllerAdvice(assignableTypes = PlaygroundController.class)
class PlaygroundErrors {

    private static final Logger log = LoggerFactory.getLogger(PlaygroundErrors.class);

    @ExceptionHandler(PlaygroundProblem.class)
    ResponseEntity<Map<String, String>> problem(PlaygroundProblem problem) {
        return ResponseEntity.status(problem.status()).body(Map.of("error", problem.getMessage()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception unreadable) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "That request wasn't the JSON the playground expects; see docs/playground-api.md."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception failure) {
        log.error("Playground request failed", failure);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("error", "Something went wrong on our side. Please try again."));
    }
}

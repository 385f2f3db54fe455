package dev.stepwise.app.playground;

import org.springframework.http.HttpStatus;

/** A request the playground API refuses, with a message for the person using the page. */
class PlaygroundProblem extends RuntimeException {

    private final HttpStatus status;

    PlaygroundProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}

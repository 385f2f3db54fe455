package dev.stepwise.app.admin;

import org.springframework.http.HttpStatus;

/** A request the admin API refuses, with a message for the admin who sent it. */
class AdminProblem extends RuntimeException {

    private final HttpStatus status;

    AdminProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}

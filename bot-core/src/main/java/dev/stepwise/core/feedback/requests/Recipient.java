package dev.stepwise.core.feedback.requests;

import java.util.UUID;

/** Someone a request was sent to, and where they stand. */
public record Recipient(UUID personId, String name, RecipientStatus status) {
}

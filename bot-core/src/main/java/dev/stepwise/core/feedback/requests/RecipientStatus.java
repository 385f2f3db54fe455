package dev.stepwise.core.feedback.requests;

import java.util.Locale;

/** Where one recipient stands on a request. */
public enum RecipientStatus {
    PENDING, ANSWERED, DECLINED, SNOOZED;

    static RecipientStatus of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** Still expected to answer (possibly later). */
    public boolean waiting() {
        return this == PENDING || this == SNOOZED;
    }
}

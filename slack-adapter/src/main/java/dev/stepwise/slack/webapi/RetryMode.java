package dev.stepwise.slack.webapi;

/** What may be repeated after an ambiguous failure (one where Slack may have carried the call out). */
enum RetryMode {
    /** Repeating has the same effect as calling once: retry. */
    IDEMPOTENT,
    /** Look for the result first (a posted message, by its metadata id); repeat only if it is not there. */
    VERIFIED,
    /** Cannot be checked and must not happen twice: do not repeat; fail with "may have taken effect". */
    AT_MOST_ONCE
}

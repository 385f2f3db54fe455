package dev.stepwise.teams.connector;

/**
 * A call to the Bot Connector or to the token endpoint failed for good (after any retries).
 */
public class BotConnectorException extends RuntimeException {

    /** {@link #status()} when no HTTP answer arrived (unreachable, timed out, interrupted). */
    public static final int NO_ANSWER = 0;

    private final int status;
    private final String code;

    public BotConnectorException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public BotConnectorException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status of the last answer, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }

    /**
     * The service's error code ({@code error.code} of the Bot Connector, {@code error} of the token endpoint, e.g.
     * {@code ServiceError}, {@code invalid_client}), or ours ({@code timeout}, {@code unreachable}, {@code
     * interrupted}); null when the answer had none.
     */
    public String code() {
        return code;
    }
}

package dev.stepwise.slack.blockkit;

// Ids and values that must come back from Slack unchanged are refused, never truncated.
final class Intact {

    private Intact() {
    }

    static String require(String value, int max, String what) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters; Slack allows at most "
                    + max + " and it must round-trip intact: " + value.substring(0, Math.min(40, value.length())) + "…");
        }
        return value;
    }
}

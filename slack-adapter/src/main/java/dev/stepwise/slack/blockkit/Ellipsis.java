package dev.stepwise.slack.blockkit;

final class Ellipsis {

    static final String MARK = "…";

    private Ellipsis() {
    }

    static String plain(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, SafeCut.plain(text, max - 1)) + MARK;
    }

    static String mrkdwn(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = SafeCut.mrkdwn(text, max - 1);
        if (cut == 0) {
            cut = SafeCut.plain(text, max - 1);
        }
        return text.substring(0, cut) + MARK;
    }
}

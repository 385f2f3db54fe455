package dev.stepwise.slack.blockkit;

import java.util.List;

// Moves a cut position back so it splits neither a surrogate pair nor, in mrkdwn, a link or an entity.
final class SafeCut {

    private static final List<String> ENTITIES = List.of("&amp;", "&lt;", "&gt;");

    private SafeCut() {
    }

    static int plain(String text, int cut) {
        return cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
    }

    static int mrkdwn(String text, int cut) {
        int open = text.lastIndexOf('<', cut - 1);
        if (open >= 0 && text.lastIndexOf('>', cut - 1) < open) {
            cut = open;
        }
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0) {
            for (String entity : ENTITIES) {
                if (text.startsWith(entity, amp) && amp + entity.length() > cut) {
                    cut = amp;
                    break;
                }
            }
        }
        return plain(text, cut);
    }
}

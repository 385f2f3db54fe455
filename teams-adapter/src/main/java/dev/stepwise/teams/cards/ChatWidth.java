package dev.stepwise.teams.cards;

import java.util.List;

/*
 * What fits across the narrowest Teams chat we lay cards out for: 420 px, less Teams' 16 px card padding on each side.
 * Buttons keep their title on one line and Teams cuts it with an ellipsis when it does not fit, so a title's width is
 * estimated for Teams' 14 px semibold button text in a wide sans-serif (the widths are DejaVu Sans Bold's, rounded up
 * by character class), never less than Teams draws it: a layout that fits here fits in Teams' own font too.
 */
final class ChatWidth {

    /** The narrowest chat a card is laid out for, in CSS px. */
    static final int CHAT_PX = 420;
    /** The room for a card's content: the chat less Teams' card padding (16 px) on each side. */
    static final int CONTENT_PX = CHAT_PX - 2 * 16;
    /** A button's padding (10 px) and border (2 px) on each side. */
    static final int BUTTON_CHROME_PX = 2 * 10 + 2 * 2;
    /** Teams' space between two buttons side by side. */
    static final int BUTTON_GAP_PX = 8;
    /** A drop-down's padding (8 px) and border (1 px) on each side, and its arrow. */
    static final int DROPDOWN_CHROME_PX = 2 * 8 + 2 + 24;

    private static final String NARROW = " !'(),-./:;I[\\]fijl|";
    private static final String SLIM = "\"*?_`crstzJL";
    private static final String WIDE = "#%&+<=>@MW^mw~";

    private ChatWidth() {
    }

    /** Whether these button titles fit side by side on one line. */
    static boolean fitSideBySide(List<String> titles) {
        double total = BUTTON_GAP_PX * (titles.size() - 1.0);
        for (String title : titles) {
            total += textPx(title) + BUTTON_CHROME_PX;
        }
        return total <= CONTENT_PX;
    }

    /** Whether a button with this title fits on its own line without being cut. */
    static boolean fitsAButton(String title) {
        return textPx(title) + BUTTON_CHROME_PX <= CONTENT_PX;
    }

    /** Whether a drop-down as wide as the card shows this option whole. */
    static boolean fitsADropDown(String option) {
        return textPx(option) + DROPDOWN_CHROME_PX <= CONTENT_PX;
    }

    /** The estimated width of this text as button text, in px. */
    static double textPx(String text) {
        double px = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            px += charPx(text.codePointAt(i));
        }
        return px;
    }

    private static double charPx(int c) {
        if (c < 128) {
            if (NARROW.indexOf(c) >= 0) {
                return 6.5;
            }
            if (SLIM.indexOf(c) >= 0) {
                return 9;
            }
            if (WIDE.indexOf(c) >= 0) {
                return 15.5;
            }
            return c >= 'A' && c <= 'Z' ? 12 : 10.2;
        }
        // Accented Latin letters are as wide as capitals; any other script, symbol or emoji is given a wide em.
        return Character.isLetter(c) && c < 0x250 ? 12 : 15.5;
    }
}

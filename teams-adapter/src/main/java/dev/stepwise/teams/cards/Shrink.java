package dev.stepwise.teams.cards;

import java.util.List;

// How far one rendering shortens texts and lists to fit a card into Teams' size limit, and whether it did.
final class Shrink {

    static final int UNLIMITED = Integer.MAX_VALUE;

    private final int textCap;
    private final int listCap;
    private boolean shortened;

    Shrink(int textCap, int listCap) {
        this.textCap = textCap;
        this.listCap = listCap;
    }

    static Shrink none() {
        return new Shrink(UNLIMITED, UNLIMITED);
    }

    /** Teams markdown, cut to the text cap. */
    String markdown(String teamsMarkdown) {
        if (teamsMarkdown.length() <= textCap) {
            return teamsMarkdown;
        }
        shortened = true;
        return Cut.markdown(teamsMarkdown, textCap);
    }

    /** The first items up to the list cap. */
    <T> List<T> list(List<T> items) {
        if (items.size() <= listCap) {
            return items;
        }
        shortened = true;
        return items.subList(0, listCap);
    }

    void markShortened() {
        shortened = true;
    }

    boolean shortened() {
        return shortened;
    }
}

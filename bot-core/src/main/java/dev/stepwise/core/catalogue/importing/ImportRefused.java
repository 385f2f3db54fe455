package dev.stepwise.core.catalogue.importing;

/**
 * A catalogue file or mapping that cannot be imported at all (nothing was changed); the message says why in plain
 * words, for the admin who sent it.
 */
public class ImportRefused extends RuntimeException {

    public ImportRefused(String message) {
        super(message);
    }
}

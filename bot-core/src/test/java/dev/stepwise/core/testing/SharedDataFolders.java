package dev.stepwise.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared reference data is ({@code shared/data/<sub>} in a folder above the working directory, or under
 * {@code -Dstepwise.data.dir}); absent where it isn't checked out, and tests that need it say so and skip.
 */
public final class SharedDataFolders {

    public static final String PROPERTY = "stepwise.data.dir";

    private SharedDataFolders() {
    }

    /** @param sub e.g. {@code catalogue/mit-ocw/ocw_oer_export.csv}; a file or a folder */
    public static Optional<Path> find(String sub) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path candidate = Path.of(configured).resolve(sub);
            return Files.exists(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(sub);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A message for a test that skips because {@code sub} isn't there. */
    public static String absent(String sub) {
        return "Skipped: the shared reference data shared/data/" + sub + " isn't in a folder above "
                + Path.of(System.getProperty("user.dir")).toAbsolutePath() + "; point -D" + PROPERTY + " at a copy of shared/data to run it.";
    }
}

package dev.stepwise.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the shared conformance payloads are ({@code shared/conformance/<sub>} in a folder above the working
 * directory, or under {@code -Dstepwise.conformance.dir}); absent where they aren't checked out.
 */
public final class ConformanceFolders {

    public static final String PROPERTY = "stepwise.conformance.dir";

    private ConformanceFolders() {
    }

    /** @param sub e.g. {@code slack/inbound} */
    public static Optional<Path> find(String sub) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path candidate = Path.of(configured).resolve(sub);
            return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance").resolve(sub);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

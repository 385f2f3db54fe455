package dev.stepwise.app.admin;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Reads uploads up to the configured limit and words the refusal when one is larger. */
final class UploadLimits {

    private UploadLimits() {
    }

    static String tooLarge(long bytes, DataSize limit) {
        return "The upload is %s; the limit is %s (stepwise.admin.max-upload-size). Split the file, or raise the limit."
                .formatted(size(bytes), size(limit.toBytes()));
    }

    static String tooLarge(DataSize limit) {
        return "The upload is larger than the limit of %s (stepwise.admin.max-upload-size). Split the file, or raise the limit."
                .formatted(size(limit.toBytes()));
    }

    /** Every byte of {@code in}, or a 413 problem as soon as there are more than {@code limit}. */
    static byte[] read(InputStream in, DataSize limit) throws IOException {
        long max = limit.toBytes();
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new AdminProblem(HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
            }
            return bytes;
        }
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024) {
            return "%.1f KB".formatted(bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}

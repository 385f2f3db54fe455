package dev.stepwise.app.admin;

import dev.stepwise.core.catalogue.importing.CatalogueFormat;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Reads an import request: either a multipart form with a {@code file} part and an optional {@code mapping} part
 * (a file or a field), or the file itself as the body ({@code text/csv}, {@code application/json}, or
 * {@code application/octet-stream} with {@code format=}) and the mapping as the {@code mapping} parameter. The format
 * is the {@code format} parameter, else the file name's extension, else the content type.
 */
final class CatalogueUploads {

    /** What was sent: the file, its format and the mapping's JSON (or null). */
    record Upload(CatalogueFormat format, byte[] content, String mapping) {
    }

    private static final int MAX_MAPPING = 256 * 1024;

    private CatalogueUploads() {
    }

    /**
     * Parses a multipart form now, through Spring, so that a malformed or oversized form is answered as such; after this
     * its fields are request parameters.
     */
    static void parseForm(HttpServletRequest request) {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap();
        }
    }

    static Upload read(HttpServletRequest request, String format, String mappingParameter, DataSize limit) throws IOException {
        MediaType type = contentType(request);
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) && multipart != null) {
            return multipart(multipart, format, mappingParameter, limit);
        }
        CatalogueFormat fromType = format(type);
        if (fromType == null && !type.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM)) {
            throw unsupported();
        }
        CatalogueFormat chosen = format != null ? parse(format) : fromType;
        if (chosen == null) {
            throw new AdminProblem(HttpStatus.BAD_REQUEST, "Say whether the file is CSV or JSON: add format=csv or format=json.");
        }
        return new Upload(chosen, UploadLimits.read(request.getInputStream(), limit), mappingParameter);
    }

    private static Upload multipart(MultipartHttpServletRequest request, String format, String mappingParameter, DataSize limit)
            throws IOException {
        MultipartFile file = request.getFile("file");
        if (file == null) {
            throw new AdminProblem(HttpStatus.BAD_REQUEST, "The form has no 'file' part; send the export as "
                    + "-F file=@export.csv (and the mapping as -F mapping=@mapping.json).");
        }
        String mapping = mappingParameter;
        MultipartFile mappingFile = request.getFile("mapping");
        if (mappingFile != null) {
            if (mappingFile.getSize() > MAX_MAPPING) {
                throw new AdminProblem(HttpStatus.BAD_REQUEST, "The mapping is larger than 256 KB; a mapping is a small JSON object.");
            }
            mapping = new String(mappingFile.getBytes(), StandardCharsets.UTF_8);
        }
        CatalogueFormat chosen = format != null ? parse(format) : fromName(file.getOriginalFilename());
        if (chosen == null && file.getContentType() != null) {
            try {
                chosen = format(MediaType.parseMediaType(file.getContentType()));
            } catch (InvalidMediaTypeException ignored) {
                // no format from a content type we can't read; asked for below
            }
        }
        if (chosen == null) {
            throw new AdminProblem(HttpStatus.BAD_REQUEST, "Say whether the file is CSV or JSON: add format=csv or "
                    + "format=json, or give the file a .csv or .json name.");
        }
        return new Upload(chosen, UploadLimits.read(file.getInputStream(), limit), mapping);
    }

    private static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            throw unsupported();
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException unreadable) {
            throw unsupported();
        }
    }

    private static CatalogueFormat format(MediaType type) {
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix())) {
            return CatalogueFormat.JSON;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        if (subtype.equals("csv") || subtype.equals("tab-separated-values") || subtype.equals("comma-separated-values")
                || (type.getType().equals("text") && subtype.equals("plain"))) {
            return CatalogueFormat.CSV;
        }
        return null;
    }

    private static CatalogueFormat fromName(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return CatalogueFormat.CSV;
        }
        return lower.endsWith(".json") ? CatalogueFormat.JSON : null;
    }

    static CatalogueFormat parse(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CatalogueFormat.CSV;
            case "json" -> CatalogueFormat.JSON;
            default -> throw new AdminProblem(HttpStatus.BAD_REQUEST, "format must be csv or json, not '" + format + "'.");
        };
    }

    private static AdminProblem unsupported() {
        return new AdminProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the export as a multipart form (-F file=@export.csv), "
                + "or as the body with Content-Type text/csv or application/json.");
    }
}

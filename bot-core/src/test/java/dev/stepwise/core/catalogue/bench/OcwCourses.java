package dev.stepwise.core.catalogue.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MIT OpenCourseWare export ({@code shared/data/catalogue/mit-ocw/ocw_oer_export.csv}): title, URL, abstract and
 * the OCW topics of each course, read with a small RFC 4180 reader (quoted fields, doubled quotes, line breaks in
 * quotes). Test code only: the product's importer is its own.
 */
public record OcwCourses(List<Course> courses) {

    public static final String FILE = "catalogue/mit-ocw/ocw_oer_export.csv";

    /** @param topics OCW topics ({@code CR_KEYWORDS}), in the export's order */
    public record Course(String title, String url, String description, List<String> topics) {
    }

    public static OcwCourses read(Path csv) throws IOException {
        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < rows.getFirst().size(); i++) {
            columns.put(rows.getFirst().get(i).strip(), i);
        }
        List<Course> courses = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < columns.size()) {
                continue;
            }
            List<String> topics = Arrays.stream(row.get(columns.get("CR_KEYWORDS")).split("\\|"))
                    .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
            courses.add(new Course(row.get(columns.get("CR_TITLE")).strip(), row.get(columns.get("CR_URL")).strip(),
                    row.get(columns.get("CR_ABSTRACT")).strip(), topics));
        }
        return new OcwCourses(List.copyOf(courses));
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

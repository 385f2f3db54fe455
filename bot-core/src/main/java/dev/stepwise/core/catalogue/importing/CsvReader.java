package dev.stepwise.core.catalogue.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text as RFC 4180 describes it: fields separated by one delimiter character, records by CRLF, LF or CR;
 * a field in double quotes may hold delimiters, line breaks and doubled quotes ({@code ""} for one {@code "}).
 * A leading byte-order mark is skipped. Where writers commonly stray from the RFC it is lenient in ways that cannot
 * change a value's meaning: a quote inside an unquoted field is kept as a character, and spaces around a quoted
 * field are dropped. Text after a closing quote and a quote that never closes are refused with the line they are on,
 * because after them nobody can tell where a record ends.
 */
public final class CsvReader {

    /**
     * One record of the file.
     *
     * @param line   the line of the file the record starts on (1 is the first line)
     * @param fields its values, in order
     */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }

        /** True when every value is empty or blank: spreadsheets write such rows after the data. */
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The text is not CSV at the given line. */
    public static final class SyntaxError extends RuntimeException {
        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final String text;
    private final char delimiter;
    private int pos;
    private int line = 1;

    private CsvReader(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
        this.pos = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    /** Every record of {@code text}, the header included; an empty text has none. */
    public static List<Record> read(String text, char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("A CSV delimiter can't be a quote or a line break");
        }
        CsvReader reader = new CsvReader(text, delimiter);
        List<Record> records = new ArrayList<>();
        while (reader.pos < text.length()) {
            records.add(reader.record());
        }
        return records;
    }

    /**
     * The delimiter the first line of {@code text} most probably uses: whichever of comma, semicolon and tab occurs
     * most often outside quotes (comma when none does).
     */
    public static char guessDelimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                comma++;
            } else if (!quoted && c == ';') {
                semicolon++;
            } else if (!quoted && c == '\t') {
                tab++;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    private Record record() {
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (pos >= text.length()) {
                return new Record(startLine, fields);
            }
            char c = text.charAt(pos);
            if (c == delimiter) {
                pos++;
                continue;
            }
            endOfLine();
            return new Record(startLine, fields);
        }
    }

    /** Reads one field and stops before its delimiter or line break (or at the end of the text). */
    private String field() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) == ' ' && delimiter != ' ') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        pos = start;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == delimiter || c == '\n' || c == '\r') {
                break;
            }
            value.append(c);
            pos++;
        }
        return value.toString();
    }

    private String quoted() {
        int openedOn = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError(openedOn, "The quoted value that starts on line %d never ends: a closing quote (\") is missing."
                        .formatted(openedOn));
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    value.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\r' || c == '\n') {
                value.append(lineBreak());
                continue;
            }
            value.append(c);
            pos++;
        }
        while (pos < text.length() && text.charAt(pos) == ' ' && delimiter != ' ') {
            pos++;
        }
        if (pos < text.length()) {
            char next = text.charAt(pos);
            if (next != delimiter && next != '\r' && next != '\n') {
                throw new SyntaxError(line, ("Line %d has text right after a closing quote (%s). A value with a quote in it "
                        + "must be quoted as a whole, with the inner quotes doubled (\"\").").formatted(line, excerpt()));
            }
        }
        return value.toString();
    }

    /** Consumes one line break (CRLF, LF or CR) and returns it as read. */
    private String lineBreak() {
        char c = text.charAt(pos);
        line++;
        if (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos += 2;
            return "\r\n";
        }
        pos++;
        return String.valueOf(c);
    }

    private void endOfLine() {
        lineBreak();
    }

    private String excerpt() {
        int from = Math.max(0, pos - 20);
        int to = Math.min(text.length(), pos + 20);
        String near = text.substring(from, to).replaceAll("[\\r\\n]+", " ");
        return "near \u201C" + near + "\u201D";
    }
}

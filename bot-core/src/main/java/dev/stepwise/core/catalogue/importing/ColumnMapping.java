package dev.stepwise.core.catalogue.importing;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How to read one learning system's export: which of its columns holds each of our fields, and what to assume where
 * it says nothing. Written as JSON, e.g.
 * <pre>{@code
 * {"columns": {"title": "CR_TITLE", "url": "CR_URL", "skills": ["CR_SUBJECT", "CR_KEYWORDS"]},
 *  "listSeparator": "|", "unknownSkills": "ignore", "defaults": {"type": "course", "level": "1-5"}}
 * }</pre>
 * Fields without a column are read from a column named like the field (any case), if there is one.
 *
 * @param columns         our field → the export's column(s); only {@code skills} may take several
 * @param listSeparator   what separates several skills in one value
 * @param delimiter       the CSV delimiter; null: guessed from the header line (comma, semicolon or tab)
 * @param encoding        the file's character encoding
 * @param types           the export's type words → our types, before the built-in words
 * @param levels          the export's level words → a level range such as {@code "2-3"}, before the stage names
 * @param defaultType     the type of rows that have none; null: such rows are rejected
 * @param defaultLevel    the level range of rows that have none
 * @param defaultLanguage the language of rows that have none
 * @param unknownSkills   what happens to a row naming a skill the organisation doesn't have
 * @param durationUnit    what a bare number in the duration column means
 */
public record ColumnMapping(Map<String, List<String>> columns, String listSeparator, Character delimiter, Charset encoding,
                            Map<String, String> types, Map<String, String> levels, String defaultType,
                            LevelRange defaultLevel, String defaultLanguage, UnknownSkills unknownSkills,
                            Durations.Unit durationUnit) {

    /** What to do with a skill the organisation doesn't have. */
    public enum UnknownSkills {
        /** Reject the row, naming the skill (the default: a typo doesn't silently drop a tag). */
        REJECT,
        /** Import the row with the skills that are known; the report counts the ignored names. */
        IGNORE
    }

    /** The fields a catalogue item is imported from. */
    public static final List<String> FIELDS = List.of("key", "title", "url", "description", "type", "skills", "level",
            "levelMin", "levelMax", "duration", "language");

    /** Our field names as columns, skills separated by {@code |}, UTF-8, any level, English, unknown skills rejected. */
    public static final ColumnMapping DEFAULT = new ColumnMapping(Map.of(), "|", null, StandardCharsets.UTF_8, Map.of(),
            Map.of(), null, LevelRange.ANY, "en", UnknownSkills.REJECT, Durations.Unit.MINUTES);

    private static final Set<String> SETTINGS = Set.of("columns", "listSeparator", "delimiter", "encoding", "types",
            "levels", "defaults", "unknownSkills", "durationUnit");
    private static final Set<String> DEFAULT_FIELDS = Set.of("type", "level", "language");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ColumnMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    /** The mapping a JSON document describes; refuses it, saying what is wrong, when it isn't one. */
    public static ColumnMapping fromJson(String json) {
        if (json == null || json.isBlank()) {
            return DEFAULT;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException broken) {
            throw refused("isn't valid JSON (" + broken.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw refused("must be a JSON object such as {\"columns\": {\"title\": \"Name\", \"url\": \"Link\"}}");
        }
        for (String setting : root.propertyNames()) {
            if (!SETTINGS.contains(setting)) {
                throw refused("has a setting '" + setting + "' we don't know; the settings are "
                        + String.join(", ", SETTINGS.stream().sorted().toList()));
            }
        }
        Map<String, List<String>> columns = columns(root.get("columns"));
        String separator = text(root, "listSeparator", "|");
        if (separator.isEmpty() || separator.length() > 3) {
            throw refused("'listSeparator' must be one to three characters, such as \"|\" or \";\"");
        }
        Character delimiter = delimiter(root);
        Charset encoding = encoding(text(root, "encoding", "UTF-8").strip());
        Map<String, String> types = words(root, "types");
        types.forEach((word, type) -> {
            if (!ItemTypes.TYPES.contains(type)) {
                throw refused("maps the type word '" + word + "' to '" + type + "'; the types are " + String.join(", ", ItemTypes.TYPES));
            }
        });
        Map<String, String> levels = words(root, "levels");
        levels.forEach((word, range) -> {
            if (LevelRange.parse(range, Map.of()).isEmpty()) {
                throw refused("maps the level word '" + word + "' to '" + range + "', which isn't a level range such as \"2-4\"");
            }
        });
        JsonNode defaults = root.get("defaults");
        if (defaults != null && !defaults.isNull() && !defaults.isObject()) {
            throw refused("'defaults' must be an object such as {\"type\": \"course\", \"level\": \"1-5\", \"language\": \"en\"}");
        }
        String defaultType = null;
        LevelRange defaultLevel = LevelRange.ANY;
        String defaultLanguage = "en";
        if (defaults != null && defaults.isObject()) {
            for (String field : defaults.propertyNames()) {
                if (!DEFAULT_FIELDS.contains(field)) {
                    throw refused("has a default for '" + field + "'; defaults can be given for type, level and language");
                }
            }
            String type = stripped(defaults, "type");
            if (type != null) {
                defaultType = ItemTypes.resolve(type, types).orElseThrow(() -> refused(
                        "has the default type '" + type + "'; the types are " + String.join(", ", ItemTypes.TYPES)));
            }
            String level = stripped(defaults, "level");
            if (level != null) {
                defaultLevel = LevelRange.parse(level, levels).orElseThrow(() -> refused(
                        "has the default level '" + level + "', which isn't a level range such as \"1-5\" or \"Competent\""));
            }
            String language = stripped(defaults, "language");
            if (language != null) {
                defaultLanguage = Languages.tag(language).orElseThrow(() -> refused(
                        "has the default language '" + language + "', which isn't a language code such as \"en\" or \"fr-CA\""));
            }
        }
        UnknownSkills unknownSkills = switch (text(root, "unknownSkills", "reject").strip().toLowerCase(Locale.ROOT)) {
            case "reject" -> UnknownSkills.REJECT;
            case "ignore" -> UnknownSkills.IGNORE;
            default -> throw refused("'unknownSkills' must be \"reject\" or \"ignore\"");
        };
        Durations.Unit unit = switch (text(root, "durationUnit", "minutes").strip().toLowerCase(Locale.ROOT)) {
            case "minutes" -> Durations.Unit.MINUTES;
            case "hours" -> Durations.Unit.HOURS;
            default -> throw refused("'durationUnit' must be \"minutes\" or \"hours\"");
        };
        return new ColumnMapping(columns, separator, delimiter, encoding, types, levels, defaultType, defaultLevel,
                defaultLanguage, unknownSkills, unit);
    }

    private static Map<String, List<String>> columns(JsonNode node) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return columns;
        }
        if (!node.isObject()) {
            throw refused("'columns' must be an object from our field names to your column names, such as "
                    + "{\"title\": \"Name\", \"url\": \"Link\"}");
        }
        for (var entry : node.properties()) {
            String field = entry.getKey();
            if (!FIELDS.contains(field)) {
                throw refused("has a column for '" + field + "', which isn't a field we import; the fields are "
                        + String.join(", ", FIELDS));
            }
            JsonNode value = entry.getValue();
            List<String> names = new ArrayList<>();
            if (value.isString() && !value.stringValue().isBlank()) {
                names.add(value.stringValue().strip());
            } else if (value.isArray() && field.equals("skills")) {
                for (JsonNode name : value) {
                    if (!name.isString() || name.stringValue().isBlank()) {
                        throw refused("lists the skills columns as " + value + "; each must be a column name");
                    }
                    names.add(name.stringValue().strip());
                }
            }
            if (names.isEmpty()) {
                throw refused("must name a column for '" + field + "' as text" + (field.equals("skills")
                        ? " (or a list of columns)" : "") + ", not " + value);
            }
            columns.put(field, List.copyOf(names));
        }
        if (columns.containsKey("level") && (columns.containsKey("levelMin") || columns.containsKey("levelMax"))) {
            throw refused("names both a 'level' column and 'levelMin'/'levelMax' columns; use one or the other");
        }
        return columns;
    }

    private static Character delimiter(JsonNode root) {
        String delimiter = text(root, "delimiter", null);
        if (delimiter == null) {
            return null;
        }
        String value = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
            throw refused("'delimiter' must be one character such as \",\", \";\" or \"\\t\"");
        }
        return value.charAt(0);
    }

    private static Charset encoding(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw refused("names the encoding '" + name + "', which we don't know; try \"UTF-8\" or \"windows-1252\"");
        }
    }

    private static Map<String, String> words(JsonNode root, String setting) {
        JsonNode node = root.get(setting);
        Map<String, String> words = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return words;
        }
        if (!node.isObject()) {
            throw refused("'" + setting + "' must be an object from your words to ours, such as "
                    + (setting.equals("types") ? "{\"Webinar\": \"video\"}" : "{\"Intermediate\": \"3\"}"));
        }
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isString() && !value.isNumber()) {
                throw refused("maps '" + entry.getKey() + "' in '" + setting + "' to " + value + "; give it as text");
            }
            words.put(entry.getKey(), value.asString().strip());
        }
        return words;
    }

    private static String text(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isString() && !value.isNumber()) {
            throw refused("has " + value + " for '" + name + "'; give it as text");
        }
        return value.asString();
    }

    private static String stripped(JsonNode node, String name) {
        String value = text(node, name, null);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ImportRefused refused(String what) {
        return new ImportRefused("The column mapping " + what + ".");
    }
}

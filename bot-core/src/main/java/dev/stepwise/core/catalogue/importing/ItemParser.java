package dev.stepwise.core.catalogue.importing;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.competency.Skill;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns one {@link SourceRow} into a catalogue item, or says in plain sentences everything that is wrong with it.
 * Values are checked against the catalogue's rules: a title, an http(s) url, a known type, a level range within 1-5
 * with the lower first, a positive duration, a language tag, the organisation's skills, and length limits.
 */
final class ItemParser {

    static final int MAX_KEY = 200;
    static final int MAX_TITLE = 300;
    static final int MAX_URL = 2_000;
    static final int MAX_DESCRIPTION = 20_000;

    /** The item, or the problems; and the skill names left off under "unknownSkills": "ignore". */
    record Parsed(int row, CatalogueItem item, String key, List<String> problems, List<String> ignoredSkills) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ColumnMapping mapping;
    private final SkillNames skills;

    ItemParser(ColumnMapping mapping, SkillNames skills) {
        this.mapping = mapping;
        this.skills = skills;
    }

    Parsed parse(SourceRow row) {
        if (row.problem() != null) {
            return new Parsed(row.row(), null, null, List.of(row.problem()), List.of());
        }
        List<String> problems = new ArrayList<>();

        String title = row.value("title");
        if (title == null) {
            problems.add("The title is empty.");
        } else {
            title = title.replaceAll("\\s+", " ");
            tooLong("title", title, MAX_TITLE, problems);
        }

        String url = row.value("url");
        boolean goodUrl = false;
        if (url == null) {
            problems.add("The url is empty.");
        } else if (url.length() > MAX_URL) {
            tooLong("url", url, MAX_URL, problems);
        } else if (!webAddress(url)) {
            problems.add("The url '" + shortened(url) + "' isn't a web address; it must start with http:// or https://.");
        } else {
            goodUrl = true;
        }

        String key = row.value("key");
        if (key != null) {
            if (key.chars().anyMatch(Character::isISOControl)) {
                problems.add("The key has control characters (such as tabs or line breaks) in it.");
            }
            tooLong("key", key, MAX_KEY, problems);
        } else if (goodUrl) {
            key = ItemKeys.fromUrl(url);
        }

        String description = row.value("description");
        description = description == null ? "" : description.replace("\r\n", "\n").replace('\r', '\n');
        tooLong("description", description, MAX_DESCRIPTION, problems);

        String type = type(row.value("type"), problems);
        LevelRange level = level(row, problems);
        Integer duration = duration(row.value("duration"), problems);
        String language = language(row.value("language"), problems);
        List<String> ignored = new ArrayList<>();
        List<String> skillKeys = skills(row.skills(), problems, ignored);

        if (!problems.isEmpty()) {
            return new Parsed(row.row(), null, key, problems, List.of());
        }
        return new Parsed(row.row(), new CatalogueItem(null, key, title, url, description, type, level.min(), level.max(),
                duration, language, skillKeys), key, List.of(), ignored);
    }

    private String type(String value, List<String> problems) {
        if (value == null) {
            if (mapping.defaultType() == null) {
                problems.add("It has no type. Map a type column, or give a default type in the mapping "
                        + "(\"defaults\": {\"type\": \"course\"}).");
            }
            return mapping.defaultType();
        }
        Optional<String> type = ItemTypes.resolve(value, mapping.types());
        if (type.isEmpty()) {
            problems.add(("The type '%s' isn't one we know. Use %s, or map the word under \"types\" in the mapping "
                    + "(e.g. \"types\": {\"%s\": \"course\"}).").formatted(shortened(value), String.join(", ", ItemTypes.TYPES),
                    shortened(value)));
        }
        return type.orElse(null);
    }

    private LevelRange level(SourceRow row, List<String> problems) {
        String range = row.value("level");
        if (range != null) {
            Optional<LevelRange> parsed = LevelRange.parse(range, mapping.levels());
            if (parsed.isEmpty()) {
                problems.add(notALevel(range, "level"));
            }
            return parsed.orElse(LevelRange.ANY);
        }
        String low = row.value("levelMin");
        String high = row.value("levelMax");
        if (low == null && high == null) {
            return mapping.defaultLevel();
        }
        Integer min = low == null ? Integer.valueOf(mapping.defaultLevel().min()) : stage(low, true, "levelMin", problems);
        Integer max = high == null ? Integer.valueOf(mapping.defaultLevel().max()) : stage(high, false, "levelMax", problems);
        if (min == null || max == null) {
            return LevelRange.ANY;
        }
        if (min > max) {
            problems.add("The level range %d-%d goes backwards: the lowest stage comes first.".formatted(min, max));
            return LevelRange.ANY;
        }
        return new LevelRange(min, max);
    }

    private Integer stage(String value, boolean low, String field, List<String> problems) {
        Optional<LevelRange> range = LevelRange.parse(value, mapping.levels());
        if (range.isEmpty()) {
            problems.add(notALevel(value, field));
            return null;
        }
        return low ? range.get().min() : range.get().max();
    }

    private static String notALevel(String value, String field) {
        return ("The %s '%s' isn't a stage. Use 1-5 or Novice, Advanced Beginner, Competent, Proficient, Expert, a range "
                + "such as 2-4, or map the word under \"levels\" in the mapping (e.g. \"levels\": {\"%s\": \"3\"}).")
                .formatted(field, shortened(value), shortened(value));
    }

    private Integer duration(String value, List<String> problems) {
        if (value == null) {
            return null;
        }
        Optional<Integer> minutes = Durations.minutes(value, mapping.durationUnit());
        if (minutes.isEmpty()) {
            problems.add(("The duration '%s' isn't one we can read. Write minutes (90), or 90 min, 1h 30m, 2 hours, "
                    + "01:30 or PT1H30M; it must be more than 0 and at most 10,000 hours.").formatted(shortened(value)));
        }
        return minutes.orElse(null);
    }

    private String language(String value, List<String> problems) {
        if (value == null) {
            return mapping.defaultLanguage();
        }
        Optional<String> tag = Languages.tag(value);
        if (tag.isEmpty()) {
            problems.add("The language '%s' isn't a language code such as en or fr-CA, or a language's English name."
                    .formatted(shortened(value)));
        }
        return tag.orElse(null);
    }

    private List<String> skills(Collection<String> names, List<String> problems, List<String> ignored) {
        TreeSet<String> keys = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<Skill> skill = skills.find(name);
            if (skill.isPresent()) {
                keys.add(skill.get().key());
            } else if (unknown.stream().noneMatch(u -> u.equalsIgnoreCase(name))) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            if (mapping.unknownSkills() == ColumnMapping.UnknownSkills.IGNORE) {
                ignored.addAll(unknown);
            } else {
                problems.add(("It names %s this organisation doesn't have: %s. Use the skills' keys or names, or set "
                        + "\"unknownSkills\": \"ignore\" in the mapping to import such rows without them.")
                        .formatted(unknown.size() == 1 ? "a skill" : "skills",
                                String.join(", ", unknown.stream().map(u -> "'" + shortened(u) + "'").toList())));
            }
        }
        return List.copyOf(keys);
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    private static void tooLong(String field, String value, int max, List<String> problems) {
        if (value.length() > max) {
            problems.add("The %s is %,d characters long; at most %,d fit.".formatted(field, value.length(), max));
        }
    }

    private static String shortened(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "\u2026";
    }

    /** Ignored skill names (as first spelled) with how many imported rows named each, regardless of case. */
    static Map<String, Integer> countIgnored(List<Parsed> parsed) {
        Map<String, String> spelling = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        parsed.stream().filter(Parsed::ok).forEach(p -> p.ignoredSkills().forEach(s -> {
            String name = spelling.computeIfAbsent(s.toLowerCase(Locale.ROOT), lower -> s);
            counts.merge(name, 1, Integer::sum);
        }));
        return counts;
    }
}

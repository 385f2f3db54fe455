package dev.stepwise.prompts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of a prompt: a system part (the instructions) and a user part (the data), each with
 * {@code {{input}}} placeholders. A file looks like:
 * <pre>
 * # comments start with '#' before the first section
 * --- system
 * You summarise ...
 * --- user
 * &lt;answers&gt;
 * {{answers}}
 * &lt;/answers&gt;
 * </pre>
 * Rendering is one pass: an input's value is inserted as is and never read for placeholders, so text people typed
 * can't pull in another input. Every placeholder needs a value and every value a placeholder, so a prompt and its
 * caller can't drift apart unnoticed.
 */
public record Prompt(String name, int version, String system, String user) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-zA-Z0-9_]*)}}");

    /** The names of its inputs, in order of first use. */
    public Set<String> inputs() {
        Set<String> names = new LinkedHashSet<>();
        for (String part : List.of(system, user)) {
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public RenderedPrompt render(Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>(inputs());
        missing.removeAll(values.keySet());
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        unused.removeAll(inputs());
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException("Prompt " + id() + ": missing inputs " + missing + ", unknown inputs " + unused);
        }
        return new RenderedPrompt(name, version, fill(system, values), fill(user, values));
    }

    /** {@code name.vN}, as written in logs and metrics. */
    public String id() {
        return name + ".v" + version;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Prompt parse(String name, int version, String text) {
        Map<String, StringBuilder> sections = new java.util.LinkedHashMap<>();
        StringBuilder current = null;
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        for (String line : lines) {
            if (line.startsWith("--- ")) {
                String section = line.substring(4).trim();
                if (!section.equals("system") && !section.equals("user") || sections.containsKey(section)) {
                    throw new IllegalStateException("Prompt " + name + ".v" + version + ": unexpected section '" + section + "'");
                }
                current = new StringBuilder();
                sections.put(section, current);
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalStateException("Prompt " + name + ".v" + version + ": text before the first section");
            }
        }
        if (!sections.containsKey("system") || !sections.containsKey("user")) {
            throw new IllegalStateException("Prompt " + name + ".v" + version + " needs a '--- system' and a '--- user' section");
        }
        return new Prompt(name, version, sections.get("system").toString().strip(), sections.get("user").toString().strip());
    }
}

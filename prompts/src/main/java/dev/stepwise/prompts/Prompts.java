package dev.stepwise.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt library. Each prompt is a resource {@code prompts/<name>.v<version>.prompt}; {@code prompts/index.properties}
 * names the version in use for each name, so a new wording is a new file and a one-line switch, and the old one stays
 * for comparison. Loaded once and cached; a missing or malformed prompt fails loudly at first use.
 */
public final class Prompts {

    private static final String FOLDER = "prompts/";
    private static final Map<String, Integer> CURRENT = readIndex();
    private static final Map<String, Prompt> LOADED = new ConcurrentHashMap<>();

    private Prompts() {
    }

    /** The version of {@code name} currently in use. */
    public static Prompt load(String name) {
        Integer version = CURRENT.get(name);
        if (version == null) {
            throw new IllegalArgumentException("No prompt named '" + name + "' in " + FOLDER + "index.properties");
        }
        return load(name, version);
    }

    /** A given version of {@code name}, in use or not. */
    public static Prompt load(String name, int version) {
        return LOADED.computeIfAbsent(name + ".v" + version, file -> Prompt.parse(name, version, read(FOLDER + file + ".prompt")));
    }

    /** Every prompt name with the version in use, by name. */
    public static Map<String, Integer> current() {
        return CURRENT;
    }

    /** Every name in the index. */
    public static List<String> names() {
        return List.copyOf(CURRENT.keySet());
    }

    private static Map<String, Integer> readIndex() {
        Properties index = new Properties();
        try (InputStream in = open(FOLDER + "index.properties")) {
            index.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> current = new TreeMap<>();
        index.stringPropertyNames().forEach(name -> current.put(name, Integer.parseInt(index.getProperty(name).trim())));
        return java.util.Collections.unmodifiableMap(current);
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Prompts.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Prompt resource missing: " + resource);
        }
        return in;
    }
}

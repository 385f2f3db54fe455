package dev.stepwise.core.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One intent a {@link Capability} answers, and everything the engine needs to recognise and offer it.
 *
 * @param name        unique, lower_snake_case, e.g. {@code request_feedback}
 * @param effect      whether it answers in place or starts a conversation
 * @param offer       the label of a button that starts it, with optional parts in square brackets that are shown only
 *                    when their slot is known: {@code "Give feedback[ to {person}]"}
 * @param description one line saying what people who want it ask for (shown to an LLM, when one is asked)
 * @param help        its line in the help text (markdown; {@code {colleague}} is replaced by a real colleague's first
 *                    name), or null to leave it out
 * @param rank        where its help line goes (lower first)
 * @param commands    the exact commands that name it, matched whole against the message after {@code CommandWords}
 *                    tidied it; a named group {@code person}, {@code skill} or {@code words} becomes that slot
 * @param examples    example phrasings in plain language that the local classifier learns from
 */
public record IntentDefinition(String name, Effect effect, String offer, String description, String help, int rank,
                               List<Command> commands, List<String> examples) {

    public enum Effect {
        /** Answers in one turn (a view, the help); a flow in progress carries on afterwards. */
        SHOWS,
        /** Starts a conversation of its own; in the middle of another, the person is asked before switching. */
        STARTS
    }

    /**
     * A command: a pattern matched against the whole tidied message. Where several match, the highest priority
     * wins, then the first registered.
     */
    public record Command(Pattern pattern, int priority) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;

    public IntentDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(effect, "effect");
        if (!name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("An intent's name is lower_snake_case: " + name);
        }
        offer = offer == null ? name : offer;
        description = description == null ? name : description;
        commands = List.copyOf(commands);
        examples = List.copyOf(examples);
    }

    public static Builder shows(String name) {
        return new Builder(name, Effect.SHOWS);
    }

    public static Builder starts(String name) {
        return new Builder(name, Effect.STARTS);
    }

    /** Builds a definition in the order it reads: what it is, how it's offered, its commands and examples. */
    public static final class Builder {

        private final String name;
        private final Effect effect;
        private String offer;
        private String description;
        private String help;
        private int rank = 100;
        private final List<Command> commands = new ArrayList<>();
        private final List<String> examples = new ArrayList<>();

        private Builder(String name, Effect effect) {
            this.name = name;
            this.effect = effect;
        }

        public Builder offer(String label) {
            this.offer = label;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder help(int rank, String line) {
            this.rank = rank;
            this.help = line;
            return this;
        }

        /** A command with priority 0. */
        public Builder command(String regex) {
            return command(0, regex);
        }

        public Builder command(int priority, String regex) {
            commands.add(new Command(Pattern.compile(regex, FLAGS), priority));
            return this;
        }

        public Builder examples(String... phrasings) {
            examples.addAll(List.of(phrasings));
            return this;
        }

        /**
         * Example phrasings from a resource beside {@code owner}'s class (one a line; blank lines and lines starting
         * with {@code #} are skipped), so each feature keeps its own examples in its own package.
         */
        public Builder examplesFrom(Class<?> owner, String resource) {
            try (InputStream in = owner.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing examples " + resource + " beside " + owner.getName());
                }
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(examples::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public IntentDefinition build() {
            return new IntentDefinition(name, effect, offer, description, help, rank, commands, examples);
        }
    }
}

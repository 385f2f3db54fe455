package dev.stepwise.core.engine;

import dev.stepwise.core.catalogue.embedding.TextEmbedder;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.llm.Llm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Understands what a message wants, cheapest first: an exact command ({@link Grammar}); else the local classifier over
 * the registered intents' example phrasings ({@link ExampleClassifier}); and only where that is unsure, outside a
 * flow, and with an LLM configured, the LLM ({@link LlmIntents}), whose answer is checked. Slots of plain language
 * come from the message itself ({@link Mentions}).
 */
@Component
public class Understanding {

    public static final String NONE = "none";
    public static final String CANCEL = "cancel";

    /**
     * The classifier's bounds, in its probabilities: a message is placed when its best intent has at least
     * {@code confident} and leads the next by {@code margin}; when the best has less than {@code floor} it is none of
     * them; it is none too when {@code none} beats the best intent by {@code noneMargin}. In between, the person is
     * offered the best one, and the next when it has at least {@code floor}, to pick from.
     */
    public record Bounds(double confident, double margin, double floor, double noneMargin) {

        public static final Bounds DEFAULT = new Bounds(0.25, 0.05, 0.15, 0.0);
    }

    private final Capabilities capabilities;
    private final Grammar grammar;
    private final ExampleClassifier local;
    private final LlmIntents llm;
    private final Mentions mentions;
    private volatile Bounds bounds = Bounds.DEFAULT;

    Understanding(Capabilities capabilities, TextEmbedder embedder, Llm llm, Mentions mentions) {
        this.capabilities = capabilities;
        this.grammar = new Grammar(capabilities.all());
        this.local = new ExampleClassifier(embedder, capabilities.all().stream()
                .collect(Collectors.toMap(IntentDefinition::name, IntentDefinition::examples, (a, b) -> a, LinkedHashMap::new)));
        this.llm = new LlmIntents(llm, capabilities.intents());
        this.mentions = mentions;
    }

    /** Embeds every example now, so the first message isn't the one that waits for it. */
    public void warmUp() {
        local.warmUp();
    }

    /** Sets the classifier's bounds (the benchmark explores them; the application keeps the default). */
    public void bounds(Bounds newBounds) {
        this.bounds = newBounds;
    }

    /**
     * How {@code text} is understood. {@code mayAskLlm} is false in the middle of a flow, where an unsure message is
     * the flow's to answer.
     */
    public Reading read(Turn turn, String text, boolean mayAskLlm) {
        Optional<Intent> command = grammar.read(text);
        if (command.isPresent()) {
            return new Reading.Command(command.get());
        }
        if (text == null || text.isBlank()) {
            return new Reading.Nothing();
        }
        UUID organisationId = turn.organisationId();
        Map<String, List<String>> slots = mentions.in(organisationId, turn.person().id(), text);
        Reading reading = classify(text, slots);
        if (!(reading instanceof Reading.Unsure) || !mayAskLlm || !llm.enabled()) {
            return reading;
        }
        return llm.read(turn, text, mentions.skills(organisationId))
                .<Reading>map(intent -> intent.is(NONE) ? new Reading.Nothing()
                        : new Reading.Understood(withSlots(intent, slots), 0))
                .orElse(reading);
    }

    /** The intent an exact command names, if the message is one. */
    public Optional<Intent> command(String text) {
        return grammar.read(text);
    }

    /** The intent the local classifier finds nearest, whatever its confidence ({@code none} included). */
    String likeliest(String text) {
        return text == null || text.isBlank() ? NONE : local.scores(text).getFirst().intent();
    }

    /** The local classifier's reading alone, with the slots already found. */
    Reading classify(String text, Map<String, List<String>> slots) {
        return decide(local.scores(text), text, slots);
    }

    Reading decide(List<ExampleClassifier.Score> scores, String text, Map<String, List<String>> slots) {
        Bounds b = bounds;
        double none = scores.stream().filter(s -> s.intent().equals(NONE)).mapToDouble(ExampleClassifier.Score::score)
                .findFirst().orElse(-1);
        List<ExampleClassifier.Score> real = scores.stream().filter(s -> !s.intent().equals(NONE)).toList();
        if (real.isEmpty()) {
            return new Reading.Nothing();
        }
        ExampleClassifier.Score first = real.get(0);
        ExampleClassifier.Score second = real.size() > 1 ? real.get(1) : new ExampleClassifier.Score(NONE, -1);
        if (first.score() < b.floor() || none >= first.score() + b.noneMargin()) {
            return new Reading.Nothing();
        }
        Intent best = new Intent(first.intent(), text, slots, false);
        if (first.score() >= b.confident() && first.score() - second.score() >= b.margin()) {
            return new Reading.Understood(best, first.score());
        }
        List<Intent> candidates = new ArrayList<>();
        candidates.add(best);
        if (second.score() >= b.floor()) {
            candidates.add(new Intent(second.intent(), text, slots, false));
        }
        return new Reading.Unsure(candidates);
    }

    /** The intent {@code name} for {@code text}: the command's slots when the grammar reads it so, else the message's. */
    Intent as(Turn turn, String name, String text) {
        Optional<Intent> command = grammar.read(text).filter(i -> i.is(name));
        return command.orElseGet(() -> new Intent(name, text, mentions.in(turn.organisationId(), turn.person().id(), text), false));
    }

    private static Intent withSlots(Intent intent, Map<String, List<String>> found) {
        Map<String, List<String>> slots = new LinkedHashMap<>(found);
        slots.putAll(intent.slots());
        return new Intent(intent.name(), intent.text(), slots, false);
    }

    ExampleClassifier local() {
        return local;
    }

    Capabilities capabilities() {
        return capabilities;
    }
}

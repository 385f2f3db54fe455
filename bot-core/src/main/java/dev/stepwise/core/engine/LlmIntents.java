package dev.stepwise.core.engine;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmReply;
import dev.stepwise.core.llm.ModelOutput;
import dev.stepwise.core.text.UserText;
import dev.stepwise.prompts.Prompts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Asks the LLM (prompt {@code intent}) what a message wants, only where the local classifier is unsure and only when
 * an LLM is configured. The prompt holds the person's message (fenced), the registered intents' names and one-line
 * descriptions, and the names of their organisation's skills: no colleagues' names, no feedback, nothing else.
 *
 * <p>The answer is checked: an intent outside the registered set, a skill not in the list, "people" that isn't a list
 * or an unreadable answer count as no answer, as does any reason the LLM has none. No words of the model are ever
 * used: the intent keeps the person's own text, and a name counts only where the message itself has it.
 */
final class LlmIntents {

    static final String PROMPT = "intent";
    static final int MAX_MESSAGE = 1000;
    private static final int MAX_PEOPLE = 10;
    private static final Logger log = LoggerFactory.getLogger(LlmIntents.class);

    private final Llm llm;
    private final List<IntentDefinition> intents;

    LlmIntents(Llm llm, List<IntentDefinition> intents) {
        this.llm = llm;
        this.intents = List.copyOf(intents);
    }

    boolean enabled() {
        return llm.enabled();
    }

    /** The LLM's checked reading of {@code text}, or empty: no LLM, no answer, or an answer that didn't check out. */
    Optional<Intent> read(Turn turn, String text, List<Skill> skills) {
        if (text == null || text.isBlank() || !llm.enabled()) {
            return Optional.empty();
        }
        turn.live().working();
        LlmReply reply = llm.write(turn.organisationId(), Prompts.load(PROMPT).render(Map.of(
                "message", ModelOutput.fenced(UserText.cut(text.strip(), MAX_MESSAGE)),
                "intents", intents.stream().map(i -> "- " + i.name() + ": " + i.description()).collect(Collectors.joining("\n")),
                "skills", skills.isEmpty() ? "(none)"
                        : skills.stream().map(s -> ModelOutput.fenced(s.name())).collect(Collectors.joining("\n")))));
        if (!(reply instanceof LlmReply.Written written)) {
            return Optional.empty();
        }
        Optional<Intent> understood = ModelOutput.jsonObject(written.text()).flatMap(json -> checked(json, text, skills));
        if (understood.isEmpty()) {
            log.info("The LLM didn't place a message in a known intent");
        }
        return understood;
    }

    private Optional<Intent> checked(JsonNode json, String text, List<Skill> known) {
        JsonNode intent = json.get("intent");
        JsonNode skillNode = json.get("skill");
        JsonNode peopleNode = json.get("people");
        if (intent == null || !intent.isString()
                || skillNode != null && !skillNode.isNull() && !skillNode.isString()
                || peopleNode != null && !peopleNode.isNull() && !peopleNode.isArray()) {
            return Optional.empty();
        }
        String typedSkill = skillNode == null || skillNode.isNull() ? "" : skillNode.asString().strip();
        Optional<Skill> skill = known.stream().filter(s -> s.name().equalsIgnoreCase(typedSkill)).findFirst();
        if (!typedSkill.isEmpty() && skill.isEmpty()) {
            return Optional.empty();
        }
        String name = intent.asString().strip().toLowerCase(Locale.ROOT);
        if (name.equals(Understanding.NONE)) {
            return Optional.of(Intent.of(Understanding.NONE, text));
        }
        if (intents.stream().noneMatch(i -> i.name().equals(name))) {
            return Optional.empty();
        }
        Map<String, List<String>> slots = new LinkedHashMap<>();
        List<String> people = mentioned(peopleNode, text);
        if (!people.isEmpty()) {
            slots.put(Intent.PERSON, people);
        }
        skill.ifPresent(s -> slots.put(Intent.SKILL, List.of(s.name())));
        return Optional.of(new Intent(name, text, slots, false));
    }

    /** The names the model found that the message itself has, as written in the message's words. */
    private static List<String> mentioned(JsonNode names, String text) {
        List<String> found = new ArrayList<>();
        if (names == null || !names.isArray()) {
            return found;
        }
        for (JsonNode name : names) {
            String candidate = name.isString() ? name.asString().strip().replaceFirst("^@", "").strip() : "";
            if (candidate.length() >= 2 && found.size() < MAX_PEOPLE && !found.contains(candidate)
                    && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(candidate) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                found.add(candidate);
            }
        }
        return found;
    }
}

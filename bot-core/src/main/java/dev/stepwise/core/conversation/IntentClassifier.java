package dev.stepwise.core.conversation;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.llm.Llm;
import dev.stepwise.core.llm.LlmReply;
import dev.stepwise.core.llm.ModelOutput;
import dev.stepwise.prompts.Prompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Plain-language intent detection with the LLM (prompt {@code intent}), in front of the grammar's answer and falling
 * back to it. Only a message outside a flow that the {@link Router} couldn't place, or placed by its plain-language
 * guess at a situation, is sent, and only when an LLM is configured; every other message keeps the grammar's intent
 * without a call.
 *
 * <p>The prompt holds the person's message (fenced) and the names of their organisation's skills: no colleagues'
 * names, no feedback, nothing else. The answer is checked: an intent outside the closed set, a skill not in the list,
 * "people" that isn't a list or an unreadable answer count as not understood, as does any reason the LLM has no
 * answer, and the grammar's intent is used. No words of the model are ever recorded: a situation keeps the person's
 * own words, the words of feedback are asked for by its flow, a name counts only where the message itself has it (the
 * flows look it up and ask when unsure), and an offer to mentor, which the grammar's command records at once, becomes
 * a button to press first.
 */
@Component
public class IntentClassifier {

    static final String PROMPT = "intent";
    static final int MAX_MESSAGE = 1000;
    private static final int MAX_PEOPLE = 10;
    private static final Logger log = LoggerFactory.getLogger(IntentClassifier.class);

    private final Llm llm;
    private final Skills skills;

    public IntentClassifier(Llm llm, Skills skills) {
        this.llm = llm;
        this.skills = skills;
    }

    /** The intent of {@code text}: the LLM's, checked, where it may be asked and understood it; else {@code grammar}. */
    public Intent classify(Turn turn, String text, Intent grammar) {
        boolean unplaced = grammar instanceof Intent.Unrecognised || grammar instanceof Intent.Situation s && s.guessed();
        if (!unplaced || turn.state().isPresent() || text == null || text.isBlank() || !llm.enabled()) {
            return grammar;
        }
        List<Skill> known = skills.list(turn.organisationId());
        turn.live().working();
        LlmReply reply = llm.write(turn.organisationId(), Prompts.load(PROMPT).render(Map.of(
                "message", ModelOutput.fenced(UserText.cut(text.strip(), MAX_MESSAGE)),
                "skills", known.isEmpty() ? "(none)"
                        : known.stream().map(s -> ModelOutput.fenced(s.name())).collect(Collectors.joining("\n")))));
        if (!(reply instanceof LlmReply.Written written)) {
            return grammar;
        }
        Optional<Intent> understood = ModelOutput.jsonObject(written.text()).flatMap(json -> understood(json, text, known));
        if (understood.isEmpty()) {
            log.info("The LLM didn't place a message in a known intent; using the grammar's {}", grammar.getClass().getSimpleName());
        }
        return understood.orElse(grammar);
    }

    private static Optional<Intent> understood(JsonNode json, String text, List<Skill> known) {
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
        List<String> people = mentioned(peopleNode, text);
        return Optional.ofNullable(switch (intent.asString().strip().toLowerCase(Locale.ROOT)) {
            case "help" -> new Intent.Help(false);
            case "my_feedback" -> new Intent.MyFeedback();
            case "team_feedback" -> new Intent.TeamFeedback();
            case "my_goals" -> new Intent.MyGoals();
            case "my_plan" -> new Intent.MyPlan();
            case "give_feedback" -> new Intent.GiveFeedback(people.isEmpty() ? null : people.getFirst(), null);
            case "request_feedback" -> new Intent.RequestFeedback(people.isEmpty() ? null : String.join(", ", people));
            case "situation" -> new Intent.Situation(text.strip());
            case "suggest" -> new Intent.Suggest(skill.map(Skill::name).orElse(null));
            case "offer_mentoring" -> skill.map(IntentClassifier::offerToMentor).orElse(null);
            default -> null;
        });
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

    private static Intent offerToMentor(Skill skill) {
        return new Intent.AskFirst("Would you like to offer to mentor colleagues in **%s**? I'd suggest you to people who want to grow it."
                .formatted(skill.name()), "Yes, I can mentor " + UserText.cut(skill.name(), 40), "I can mentor " + skill.name());
    }
}

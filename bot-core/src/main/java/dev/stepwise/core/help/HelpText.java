package dev.stepwise.core.help;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.NotUnderstood;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import dev.stepwise.core.engine.Capabilities;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the bot can do: the answer to "help" (every registered intent's help line, so a new capability shows up in it
 * by registering) and the short answer to a message that is none of the intents.
 */
@Component
public class HelpText implements Capability, NotUnderstood {

    public static final String HELP = "help";

    public enum Opening { PLAIN, HELLO, NOT_UNDERSTOOD }

    private static final Pattern GREETING = Pattern.compile(
            "(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening))(?: there)?(?: stepwise)?[!. ]*",
            Pattern.CASE_INSENSITIVE);

    private final People people;
    private final ObjectProvider<Capabilities> capabilities;

    public HelpText(People people, ObjectProvider<Capabilities> capabilities) {
        this.people = people;
        this.capabilities = capabilities;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(IntentDefinition.shows(HELP)
                .offer("Show what you can do")
                .description("they greet you, or ask what you can do or how to use you")
                .help(95, "**help**: this list")
                .command("help|\\?+|help me|what can you do|what do you do|what are you|commands|menu|how does (?:this|it) work|how do i use (?:you|this)")
                .command("(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening))(?: there)?(?: stepwise)?")
                .examplesFrom(HelpText.class, "help.examples")
                .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        Opening opening = GREETING.matcher(intent.text()).matches() ? Opening.HELLO : Opening.PLAIN;
        return Step.stay(Outbound.reply(blocks(opening, turn.person())));
    }

    /** A short answer, never the whole list: what the main things are, and how to see everything. */
    @Override
    public Step reply(Turn turn, String text) {
        return Step.stay(Outbound.reply(
                Block.text("**Sorry, I didn't catch that.** I can help you give and ask for feedback, think through a "
                        + "situation at work (just describe it), or grow a skill. Say **help** to see everything."),
                buttons()));
    }

    /** The help for {@code asker}, whose examples name one of their real colleagues so they can be tried as they are. */
    public List<Block> blocks(Opening opening, Person asker) {
        String intro = switch (opening) {
            case PLAIN -> "**Here's what I can do**";
            case HELLO -> "**Hi! I'm Stepwise.** I help you give and get feedback on your objectives and grow your skills. Here's what I can do:";
            case NOT_UNDERSTOOD -> "**Sorry, I didn't catch that.** Here's what I can do:";
        };
        return List.of(Block.text(intro + "\n" + commands(asker)), buttons());
    }

    /** The honest answer to a command this version doesn't have yet, followed by what does work. */
    public List<Block> notYetAvailable(String feature, Person asker) {
        return List.of(Block.text("**%s isn't available yet.** It's on its way. Meanwhile, here's what I can do:\n%s"
                .formatted(feature, commands(asker))), buttons());
    }

    private String commands(Person asker) {
        String colleague = exampleColleague(asker);
        return capabilities.getObject().helpLines().stream()
                .map(d -> "- " + d.help().replace("{colleague}", colleague))
                .collect(Collectors.joining("\n"));
    }

    private static Block.Choices buttons() {
        return new Block.Choices(null, List.of(
                new Block.Choice("Give feedback", "say", "give feedback", Block.Choice.Style.PRIMARY),
                Block.Choice.of("Request feedback", "say", "request feedback"),
                Block.Choice.of("My feedback", "say", "my feedback"),
                Block.Choice.of("My goals", "say", "my goals")));
    }

    /** A teammate, else their manager, else anyone else, whose first name alone finds them. */
    private String exampleColleague(Person asker) {
        List<Person> everyone = people.list(asker.organisationId());
        Map<String, Long> firstNames = everyone.stream()
                .collect(Collectors.groupingBy(p -> p.firstName().toLowerCase(Locale.ROOT), Collectors.counting()));
        List<Person> others = everyone.stream()
                .filter(p -> !p.id().equals(asker.id()))
                .filter(p -> firstNames.get(p.firstName().toLowerCase(Locale.ROOT)) == 1)
                .sorted(Comparator.comparing(Person::name))
                .toList();
        return others.stream().filter(p -> asker.teamId() != null && asker.teamId().equals(p.teamId())).findFirst()
                .or(() -> others.stream().filter(p -> Objects.equals(p.id(), asker.managerId())).findFirst())
                .or(() -> others.stream().findFirst())
                .map(Person::firstName)
                .orElse("a colleague");
    }
}

package dev.stepwise.core.help;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the bot can do, with examples: the answer to "help" and to anything it doesn't understand. */
@Component
public class HelpText {

    public enum Opening { PLAIN, HELLO, NOT_UNDERSTOOD }

    private static final String COMMANDS = """
            - **give feedback to %1$s**: quick feedback on a colleague's objective, optionally tagged to a skill. \
            Add your words after a colon to go faster: `give feedback to %1$s: your demo made the trade-offs clear`
            - **request feedback from %1$s**: ask up to 10 colleagues at once (name them all, separated by commas) \
            about one of your objectives; they answer in a minute, and you get a summary
            - **my feedback**: the feedback you've received, newest first; share any of it with your manager
            - **team feedback**: for managers, what your reports chose to share with you
            - **my goals**: your objectives and how far along they are
            - **my plan**: the learning and practice you've planned
            - **help me with** a situation, e.g. `help me with a tough performance conversation tomorrow`: brief             guidance for right now and the best of your organisation's catalogue for it
            - **how can I get better at** a skill: up to three suggestions sized to where you are, with "add to plan";             **mentor** a skill to offer to help others grow it
            - **cancel**: stop what we're doing; nothing half-done is saved
            - **help**: this list

            Coming next: self-assessments against your role's skills.""";

    private final People people;

    public HelpText(People people) {
        this.people = people;
    }

    /** The help for {@code asker}, whose examples name one of their real colleagues so they can be tried as they are. */
    public List<Block> blocks(Opening opening, Person asker) {
        String intro = switch (opening) {
            case PLAIN -> "**Here's what I can do**";
            case HELLO -> "**Hi! I'm Stepwise.** I help you give and get feedback on your objectives and grow your skills. Here's what I can do:";
            case NOT_UNDERSTOOD -> "**Sorry, I didn't catch that.** Here's what I can do:";
        };
        return List.of(
                Block.text(intro + "\n" + COMMANDS.formatted(exampleColleague(asker))),
                buttons());
    }

    private static Block.Choices buttons() {
        return new Block.Choices(null, List.of(
                new Block.Choice("Give feedback", "say", "give feedback", Block.Choice.Style.PRIMARY),
                Block.Choice.of("Request feedback", "say", "request feedback"),
                Block.Choice.of("My feedback", "say", "my feedback"),
                Block.Choice.of("My goals", "say", "my goals")));
    }

    /** The honest answer to a command this version doesn't have yet, followed by what does work. */
    public List<Block> notYetAvailable(String feature, Person asker) {
        return List.of(Block.text("**%s isn't available yet.** It's on its way. Meanwhile, here's what I can do:\n%s"
                        .formatted(feature, COMMANDS.formatted(exampleColleague(asker)))),
                buttons());
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

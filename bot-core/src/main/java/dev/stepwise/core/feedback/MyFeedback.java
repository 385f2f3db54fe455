package dev.stepwise.core.feedback;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.people.Person;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * "my feedback": the feedback a person received, newest first, with its tags, each with a button to share it
 * with their manager (or stop). Only ever their own.
 */
@Component
public class MyFeedback {

    static final int PAGE = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final FeedbackItems items;
    private final dev.stepwise.core.people.People people;

    public MyFeedback(FeedbackItems items, dev.stepwise.core.people.People people) {
        this.items = items;
        this.people = people;
    }

    public List<Block> blocks(Person me) {
        List<ReceivedFeedback> received = items.receivedBy(me.organisationId(), me.id(), PAGE);
        if (received.isEmpty()) {
            return List.of(Block.text("You haven't received any feedback yet. When a colleague gives you feedback, "
                    + "I'll message you and it will show up here."));
        }
        int total = items.countReceivedBy(me.organisationId(), me.id());
        String heading = total > received.size()
                ? "**Feedback you've received** (the newest %d of %d)".formatted(received.size(), total)
                : "**Feedback you've received** (%d, newest first)".formatted(total);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text(heading));
        ZoneId zone = me.zone();
        java.util.Optional<Person> manager = java.util.Optional.ofNullable(me.managerId())
                .flatMap(id -> people.find(me.organisationId(), id));
        for (ReceivedFeedback feedback : received) {
            blocks.add(card(feedback, zone));
            manager.ifPresent(m -> blocks.add(ShareFeedbackFlow.toggle(feedback, m)));
        }
        return blocks;
    }

    /** One piece of received feedback as its receiver sees it: who, when, the words and their tags. */
    public static Block.Card card(ReceivedFeedback feedback, ZoneId zone) {
        List<Block.CardField> fields = new ArrayList<>();
        fields.add(new Block.CardField("Feedback", feedback.text()));
        if (feedback.objective() != null) {
            fields.add(new Block.CardField("Objective", feedback.objective()));
        }
        if (!feedback.skills().isEmpty()) {
            fields.add(new Block.CardField(feedback.skills().size() == 1 ? "Skill" : "Skills",
                    String.join(", ", feedback.skills())));
        }
        if (feedback.context() != null) {
            fields.add(new Block.CardField("Context", feedback.context()));
        }
        String from = feedback.giverName() == null ? "From a colleague (anonymous)" : "From " + feedback.giverName();
        return new Block.Card(from, DATE.format(feedback.givenAt().atZoneSameInstant(zone)), fields);
    }

}

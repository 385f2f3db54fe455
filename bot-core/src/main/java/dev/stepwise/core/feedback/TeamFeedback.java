package dev.stepwise.core.feedback;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "team feedback": for a manager, the feedback of each direct report that they may read, which is what the report
 * shared with them, or (if the organisation's policy says so) every item with a named giver. Nothing of anyone
 * else's, and never answers to anonymous requests.
 */
@Component
public class TeamFeedback {

    static final int PER_PERSON = 5;

    private final People people;
    private final FeedbackItems items;
    private final JdbcClient jdbc;

    public TeamFeedback(People people, FeedbackItems items, JdbcClient jdbc) {
        this.people = people;
        this.items = items;
        this.jdbc = jdbc;
    }

    public List<Block> blocks(Person manager) {
        List<Person> reports = people.reportsOf(manager.organisationId(), manager.id());
        if (reports.isEmpty()) {
            return List.of(Block.text("You don't manage anyone in Stepwise, so there's no team feedback to show. "
                    + "Say **my feedback** for your own."));
        }
        boolean named = "named".equals(jdbc.sql("select manager_feedback_access from organisations where id = ?")
                .param(manager.organisationId()).query(String.class).single());
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("**Your team's feedback** " + (named
                ? "(your organisation lets managers see feedback whose giver is named; anonymous answers stay private)"
                : "(what each person chose to share with you)")));
        for (Person report : reports) {
            List<ReceivedFeedback> visible = items.visibleToManager(manager.organisationId(), manager.id(), report.id(), PER_PERSON);
            if (visible.isEmpty()) {
                blocks.add(Block.text("**%s**: nothing %s yet.".formatted(report.name(), named ? "received" : "shared with you")));
                continue;
            }
            blocks.add(Block.text("**%s**".formatted(report.name())));
            visible.forEach(item -> blocks.add(MyFeedback.card(item, manager.zone())));
        }
        return blocks;
    }
}

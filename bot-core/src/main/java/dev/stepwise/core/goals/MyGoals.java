package dev.stepwise.core.goals;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.people.Person;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** "my goals": a person's open objectives with their progress, due date and the business goals they serve. */
@Component
public class MyGoals {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Objectives objectives;

    public MyGoals(Objectives objectives) {
        this.objectives = objectives;
    }

    public List<Block> blocks(Person me) {
        List<Objective> open = objectives.openFor(me.organisationId(), me.id());
        if (open.isEmpty()) {
            return List.of(Block.text("You have no open objectives. Your manager can add them for you."));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text("**Your objectives** (%d open)".formatted(open.size())));
        open.forEach(objective -> blocks.addAll(of(objective)));
        return blocks;
    }

    /** One objective: its progress, then what it's measured by and why it matters. */
    public static List<Block> of(Objective objective) {
        List<String> details = new ArrayList<>();
        if (objective.status().equals("at_risk")) {
            details.add("**At risk**");
        }
        if (objective.dueOn() != null) {
            details.add("due " + DATE.format(objective.dueOn()));
        }
        if (objective.measure() != null && !objective.measure().isBlank()) {
            details.add("measured by: " + objective.measure());
        }
        if (!objective.businessGoals().isEmpty()) {
            details.add("serves: " + String.join(", ", objective.businessGoals()));
        }
        return List.of(new Block.Progress(objective.title(), objective.progress()),
                Block.text("_" + String.join(" \u00b7 ", details) + "_"));
    }
}

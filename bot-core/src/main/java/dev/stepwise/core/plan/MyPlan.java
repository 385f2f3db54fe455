package dev.stepwise.core.plan;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.people.Person;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** "my plan": the learning and practice a person has planned, and where each stands. */
@Component
public class MyPlan {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Plans plans;

    public MyPlan(Plans plans) {
        this.plans = plans;
    }

    public List<Block> blocks(Person me) {
        List<PlanItem> items = plans.forPerson(me.organisationId(), me.id()).stream()
                .filter(item -> !item.status().equals("dropped")).toList();
        if (items.isEmpty()) {
            return List.of(Block.text("Your plan is empty. Learning and practice you add to it will show up here."));
        }
        long done = items.stream().filter(item -> item.status().equals("done")).count();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Progress("Your plan: %d of %d done".formatted(done, items.size()),
                (int) (100 * done / items.size())));
        StringBuilder list = new StringBuilder();
        for (PlanItem item : items) {
            list.append("- ").append(item.status().equals("done") ? "\u2713 " : "").append(item.title())
                    .append(" (").append(status(item.status()))
                    .append(item.dueOn() == null ? "" : ", by " + DATE.format(item.dueOn())).append(")\n");
        }
        blocks.add(Block.text(list.toString().strip()));
        List<Block.Choice> open = items.stream().filter(item -> !item.status().equals("done"))
                .map(item -> Block.Choice.of(item.title(), PlanProgressFlow.done(), item.id().toString())).toList();
        if (!open.isEmpty()) {
            blocks.add(new Block.Choices("Finished one? Mark it done:", open));
        }
        return blocks;
    }

    private static String status(String status) {
        return switch (status) {
            case "in_progress" -> "in progress";
            case "done" -> "done";
            default -> "planned";
        };
    }
}

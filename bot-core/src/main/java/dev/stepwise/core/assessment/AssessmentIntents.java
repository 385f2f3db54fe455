package dev.stepwise.core.assessment;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.conversation.IntentDefinition;
import dev.stepwise.core.conversation.Step;
import dev.stepwise.core.conversation.Turn;
import java.util.List;
import org.springframework.stereotype.Component;

/** Self-assessment against the role's competency matrix: starting one (on a skill or the whole role) and continuing one. */
@Component
public class AssessmentIntents implements Capability {

    public static final String ASSESS = "assess";
    public static final String CONTINUE = "continue_assessment";

    private final AssessmentFlow flow;

    public AssessmentIntents(AssessmentFlow flow) {
        this.flow = flow;
    }

    @Override
    public List<IntentDefinition> intents() {
        return List.of(
                IntentDefinition.starts(ASSESS)
                        .offer("Assess myself[ in {skill}]")
                        .description("they want to assess or rate their own skills against their role")
                        .help(70, "**assess**: rate yourself against your role's skills in about two minutes, or one skill "
                                + "(`assess testing`); you can stop after any skill and **continue my assessment** later")
                        .command("(?:start (?:a |my )?)?(?:self[- ]?)?assess(?:ment)?(?: me| myself| my skills| my role)?"
                                + "(?:\\s+(?:on|in|for|at|my))?(?:\\s+(?<skill>.+))?")
                        .command("rate (?:me|myself|my skills)(?:\\s+(?:on|in|for|at))?(?:\\s+(?<skill>.+))?")
                        .examplesFrom(AssessmentIntents.class, "assess.examples")
                        .build(),
                IntentDefinition.starts(CONTINUE)
                        .offer("Continue my assessment")
                        .description("they want to continue a self-assessment they started earlier")
                        .command("(?:continue|resume|finish|carry on(?: with)?)(?: my| the)? (?:self[- ]?)?assessment")
                        .build());
    }

    @Override
    public Step start(Turn turn, Intent intent) {
        return intent.is(CONTINUE) ? flow.resume(turn) : flow.start(turn, intent.slot(Intent.SKILL));
    }
}

package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.ConversationState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a recipient sees of a request: its context and the three choices, which stay valid until they answer. */
final class RequestMessages {

    static final String GIVE = "give";
    static final String DECLINE = "decline";
    static final String LATER = "later";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private RequestMessages() {
    }

    /** @param zone the recipient's timezone, for the due date */
    static List<Block> invitation(FeedbackRequest request, List<String> skills, ZoneId zone) {
        return List.of(card(request, skills, request.requesterName() + " asks for your feedback", zone), choices(request));
    }

    static Block.Card card(FeedbackRequest request, List<String> skills, String title, ZoneId zone) {
        List<Block.CardField> fields = new ArrayList<>();
        fields.add(new Block.CardField("Question", request.question()));
        if (request.objectiveTitle() != null) {
            fields.add(new Block.CardField("About", request.objectiveTitle()));
        }
        if (!skills.isEmpty()) {
            fields.add(new Block.CardField("Skills", String.join(", ", skills)));
        }
        fields.add(new Block.CardField("Please answer by", DAY.format(request.dueAt().atZoneSameInstant(zone))));
        if (request.anonymous()) {
            fields.add(new Block.CardField("Anonymous", "Yes: your name won't be shown with your answer"));
        }
        return new Block.Card(title, null, fields);
    }

    static Block.Choices choices(FeedbackRequest request) {
        String id = request.id().toString();
        return new Block.Choices("It takes about a minute.", List.of(
                new Block.Choice("Give feedback", ConversationState.standing(AnswerRequestFlow.NAME, GIVE), id, Block.Choice.Style.PRIMARY),
                Block.Choice.of("Not now", ConversationState.standing(AnswerRequestFlow.NAME, LATER), id),
                Block.Choice.of("Decline", ConversationState.standing(AnswerRequestFlow.NAME, DECLINE), id)));
    }
}

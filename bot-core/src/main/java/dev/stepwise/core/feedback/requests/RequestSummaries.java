package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.feedback.FeedbackItems;
import dev.stepwise.core.organisation.Organisations;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The summary a requester gets of their request's answers; anonymous answers only together, past the threshold. */
@Component
public class RequestSummaries {

    private final FeedbackRequests requests;
    private final FeedbackItems items;
    private final Organisations organisations;

    public RequestSummaries(FeedbackRequests requests, FeedbackItems items, Organisations organisations) {
        this.requests = requests;
        this.items = items;
        this.organisations = organisations;
    }

    public List<Block> of(FeedbackRequest request, boolean complete) {
        List<Recipient> recipients = requests.recipients(request.organisationId(), request.id());
        List<FeedbackItems.RequestAnswerRow> answers = items.answersTo(request.organisationId(), request.id());
        String heading = "**Summary of your request** \u201c%s\u201d: %d of %d answered.".formatted(request.question(),
                answers.size(), recipients.size());
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.text(heading));
        int threshold = organisations.anonymityThreshold(request.organisationId());
        if (request.anonymous() && answers.size() < threshold) {
            blocks.add(Block.text(("The answers are anonymous, and fewer than %d people answered, so I can't show them without "
                    + "revealing who said what.").formatted(threshold)));
            return blocks;
        }
        List<Block.CardField> fields = new ArrayList<>();
        for (FeedbackItems.RequestAnswerRow answer : answers) {
            fields.add(new Block.CardField(request.anonymous() ? "Someone" : answer.giverName(), answer.text()));
        }
        if (request.anonymous()) {
            fields.sort(java.util.Comparator.comparing(Block.CardField::value));
        }
        blocks.add(new Block.Card("Answers", null, fields));
        return blocks;
    }
}

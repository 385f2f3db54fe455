package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.competency.Level;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.feedback.FeedbackItems;
import dev.stepwise.core.feedback.FeedbackParts;
import dev.stepwise.core.feedback.summary.RequestAnswer;
import dev.stepwise.core.feedback.summary.RequestSummary;
import dev.stepwise.core.feedback.summary.SummaryInput;
import dev.stepwise.core.organisation.Organisations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The summary a requester gets of their request, from what is stored. Once the request has closed and an LLM is
 * configured, its points are written by the LLM ({@link WrittenSummaries}); otherwise, or when that fails in any
 * way, by the extractive {@link RequestSummary}. Either way anonymous answers are shown only together and only past
 * the organisation's threshold.
 */
@Component
public class RequestSummaries {

    private final FeedbackRequests requests;
    private final FeedbackItems items;
    private final Organisations organisations;
    private final WrittenSummaries written;

    public RequestSummaries(FeedbackRequests requests, FeedbackItems items, Organisations organisations,
                            WrittenSummaries written) {
        this.requests = requests;
        this.items = items;
        this.organisations = organisations;
        this.written = written;
    }

    public List<Block> of(FeedbackRequest request, boolean closed) {
        UUID org = request.organisationId();
        List<Recipient> recipients = requests.recipients(org, request.id());
        Map<UUID, Map<String, Integer>> ratings = items.ratingsOf(org, request.id());
        List<RequestAnswer> answers = items.answersTo(org, request.id()).stream()
                .map(row -> new RequestAnswer(request.anonymous() ? null : row.giverName(), row.wentWell(), row.couldBeBetter(),
                        FeedbackParts.stored(row.text(), row.wentWell(), row.couldBeBetter()).anythingElseOrNull(),
                        levels(ratings.getOrDefault(row.id(), Map.of()))))
                .toList();
        int declined = (int) recipients.stream().filter(r -> r.status() == RecipientStatus.DECLINED).count();
        SummaryInput input = new SummaryInput(request.question(), request.objectiveTitle(), request.anonymous(),
                recipients.size(), declined, answers, Map.of(), organisations.anonymityThreshold(org), closed);
        if (closed && written.enabled()) {
            var byLlm = written.write(org, input, recipients.stream().map(Recipient::name).toList());
            if (byLlm.isPresent()) {
                return RequestSummary.written(input, byLlm.get());
            }
        }
        return RequestSummary.of(input);
    }

    private static Map<String, Level> levels(Map<String, Integer> ratings) {
        Map<String, Level> levels = new LinkedHashMap<>();
        ratings.forEach((skill, number) -> levels.put(skill, Level.of(number)));
        return levels;
    }
}

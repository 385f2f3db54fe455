package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.feedback.FeedbackCard;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.Person;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the requester is told as their request moves: each answer as it arrives (attributed, or for an anonymous
 * request only that someone answered), each decline, and the summary once nobody is left to answer. Nothing
 * here ever names the giver of an anonymous answer.
 */
@Component
public class RequestNotes {

    private final FeedbackRequests requests;
    private final RequestSummaries summaries;
    private final Organisations organisations;

    public RequestNotes(FeedbackRequests requests, RequestSummaries summaries, Organisations organisations) {
        this.requests = requests;
        this.summaries = summaries;
        this.organisations = organisations;
    }

    List<Outbound> answered(RequestAnswers.Outcome.Stored stored) {
        FeedbackRequest request = stored.request();
        List<Outbound> notes = new ArrayList<>();
        String progress = progress(request);
        if (request.anonymous()) {
            notes.add(Outbound.direct(request.requesterId(), List.of(Block.text(
                    "Someone answered your request \u201c%s\u201d (%s). Anonymous answers are shown together, once at least %d have answered."
                            .formatted(request.question(), progress, organisations.anonymityThreshold(request.organisationId()))))));
        } else {
            List<Block.CardField> question = List.of(new Block.CardField("Question", request.question()));
            notes.add(Outbound.direct(request.requesterId(), List.of(FeedbackCard.card(
                    stored.answer().giver().name() + " answered your request", progress, question, stored.answer()))));
        }
        if (stored.closed()) {
            notes.add(Outbound.direct(request.requesterId(), summaries.of(request, true)));
        }
        return notes;
    }

    List<Outbound> declined(RequestAnswers.Outcome.Stored stored, Person decliner, String reason) {
        FeedbackRequest request = stored.request();
        List<Outbound> notes = new ArrayList<>();
        String why = reason == null || reason.isBlank() ? "" : " Their reason: \u201c" + reason.strip() + "\u201d";
        notes.add(Outbound.direct(request.requesterId(), List.of(Block.text(request.anonymous()
                ? "One person declined your request \u201c%s\u201d (%s).".formatted(request.question(), progress(request))
                : "%s declined your request \u201c%s\u201d (%s).%s".formatted(decliner.name(), request.question(), progress(request), why)))));
        if (stored.closed()) {
            notes.add(Outbound.direct(request.requesterId(), summaries.of(request, true)));
        }
        return notes;
    }

    private String progress(FeedbackRequest request) {
        List<Recipient> recipients = requests.recipients(request.organisationId(), request.id());
        long answered = recipients.stream().filter(r -> r.status() == RecipientStatus.ANSWERED).count();
        return "%d of %d answered".formatted(answered, recipients.size());
    }

}

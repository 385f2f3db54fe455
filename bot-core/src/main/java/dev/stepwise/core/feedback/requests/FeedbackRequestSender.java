package dev.stepwise.core.feedback.requests;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.goals.NewObjective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.Person;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a feedback request, whichever flow set it up: stores it (with a new objective, if one was named, in the
 * same transaction) and returns the messages — the requester's confirmation and each recipient's invitation.
 */
@Service
public class FeedbackRequestSender {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final FeedbackRequests requests;
    private final Objectives objectives;
    private final Skills skills;
    private final Organisations organisations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public FeedbackRequestSender(FeedbackRequests requests, Objectives objectives, Skills skills, Organisations organisations,
                                 TransactionTemplate transaction, Clock clock) {
        this.requests = requests;
        this.objectives = objectives;
        this.skills = skills;
        this.organisations = organisations;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * @param objectiveId      one of the requester's objectives, or null
     * @param newObjectiveTitle an objective to create for the request instead, or null
     */
    public List<Outbound> send(UUID organisationId, Person requester, List<Person> recipients, UUID objectiveId,
                               String newObjectiveTitle, Collection<UUID> skillIds, String question, boolean anonymous,
                               int days) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime due = now.plusDays(days);
        UUID id = transaction.execute(status -> {
            UUID objective = newObjectiveTitle != null
                    ? objectives.add(organisationId, new NewObjective(requester.id(), newObjectiveTitle, "", null, "active", 0, List.of()))
                    : objectiveId;
            return requests.create(organisationId, new NewRequest(requester.id(), recipients.stream().map(Person::id).toList(),
                    objective, List.copyOf(skillIds), question, anonymous, due), now);
        });
        FeedbackRequest request = requests.find(organisationId, id).orElseThrow();
        List<String> skillNames = skillIds.stream().map(skill -> skills.find(organisationId, skill)).flatMap(Optional::stream)
                .map(Skill::name).toList();
        List<Outbound> messages = new ArrayList<>();
        messages.add(Outbound.reply(Block.text(("I've asked %s%s. I'll tell you as answers arrive, and send you a summary when "
                + "everyone has answered or on %s, when the request closes.%s").formatted(names(recipients),
                request.objectiveTitle() == null ? "" : " about \u201c" + request.objectiveTitle() + "\u201d",
                DAY.format(due.atZoneSameInstant(requester.zone())), anonymous ? " Answers are anonymous: you'll see them together once at least "
                        + organisations.anonymityThreshold(organisationId) + " have answered." : ""))));
        for (Person recipient : recipients) {
            messages.add(Outbound.direct(recipient.id(), RequestMessages.invitation(request, skillNames, recipient.zone())));
        }
        return messages;
    }

    /** "**Ben**, **Priya** and **Sam**". */
    static String names(List<Person> people) {
        List<String> names = people.stream().map(p -> "**" + p.name() + "**").toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}

package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.progress.ProgressEvents;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class FeedbackStorageTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final QuickFeedback quick = CoreTestContext.bean(QuickFeedback.class);
    private final FeedbackItems items = CoreTestContext.bean(FeedbackItems.class);
    private final Skills skills = CoreTestContext.bean(Skills.class);

    @Test
    void feedbackIsStoredWithItsTagsRatingsAndAProgressEventForTheReceiver() {
        UUID objective = org.objectivesOf("ben").getFirst().id();
        UUID testing = skills.list(org.id()).stream().filter(s -> s.key().equals("testing")).findFirst().orElseThrow().id();
        quick.give(org.id(), new NewFeedback(org.personId("priya"), org.personId("ben"), objective,
                List.of(new NewFeedback.SkillTag(testing, 4)), "  Solid test plan.  ", null, NewFeedback.Visibility.RECIPIENT, false));

        ReceivedFeedback received = items.receivedBy(org.id(), org.personId("ben"), 10).getFirst();
        assertThat(received.text()).isEqualTo("Solid test plan.");
        assertThat(received.giverName()).isEqualTo("Priya Sharma");
        assertThat(received.objective()).isEqualTo(org.objectivesOf("ben").getFirst().title());
        assertThat(received.skills()).containsExactly("Testing");
        assertThat(CoreTestContext.bean(ProgressEvents.class).forPerson(org.id(), org.personId("ben")))
                .extracting(ProgressEvents.ProgressEvent::kind).containsExactly("feedback_received");
    }

    @Test
    void anonymousFeedbackNeverCarriesTheGiversName() {
        quick.give(org.id(), new NewFeedback(org.personId("priya"), org.personId("ben"), null, List.of(), "Speak up more.",
                null, NewFeedback.Visibility.RECIPIENT, true));
        assertThat(items.receivedBy(org.id(), org.personId("ben"), 10).getFirst().giverName()).isNull();
    }

    @Test
    void rulesAreCheckedBeforeAnythingIsStored() {
        UUID priya = org.personId("priya");
        UUID priyasObjective = org.objectivesOf("priya").getFirst().id();
        assertRejected(new NewFeedback(priya, priya, null, List.of(), "Me!", null, NewFeedback.Visibility.RECIPIENT, false),
                FeedbackRejected.Reason.TO_SELF);
        assertRejected(new NewFeedback(priya, org.personId("ben"), priyasObjective, List.of(), "Hm", null,
                NewFeedback.Visibility.RECIPIENT, false), FeedbackRejected.Reason.NOT_THEIR_OBJECTIVE);
        assertRejected(new NewFeedback(priya, org.personId("ben"), null, List.of(new NewFeedback.SkillTag(UUID.randomUUID(), null)),
                "Hm", null, NewFeedback.Visibility.RECIPIENT, false), FeedbackRejected.Reason.UNKNOWN_SKILL);
        assertRejected(new NewFeedback(priya, TestOrganisation.create().personId("ben"), null, List.of(), "Hm", null,
                NewFeedback.Visibility.RECIPIENT, false), FeedbackRejected.Reason.UNKNOWN_RECEIVER);
        assertRejected(new NewFeedback(priya, org.personId("ben"), null, List.of(), "", null,
                NewFeedback.Visibility.RECIPIENT, false), FeedbackRejected.Reason.EMPTY);
        assertThat(items.countReceivedBy(org.id(), org.personId("ben"))).isZero();
    }

    @Test
    void theDatabaseRefusesFeedbackThatCrossesOrganisations() {
        TestOrganisation other = TestOrganisation.create();
        NewFeedback crossing = new NewFeedback(org.personId("priya"), other.personId("ben"), null, List.of(), "Hi",
                null, NewFeedback.Visibility.RECIPIENT, false);
        assertThatThrownBy(() -> items.insert(org.id(), crossing, OffsetDateTime.now(CoreTestContext.bean(TestClock.class))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void assertRejected(NewFeedback feedback, FeedbackRejected.Reason reason) {
        assertThatThrownBy(() -> quick.give(org.id(), feedback))
                .isInstanceOfSatisfying(FeedbackRejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}

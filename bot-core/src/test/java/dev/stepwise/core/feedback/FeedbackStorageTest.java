package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.feedback.FeedbackRejected.Reason;
import dev.stepwise.core.progress.ProgressEvents;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

class FeedbackStorageTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final FeedbackRecorder recorder = CoreTestContext.bean(FeedbackRecorder.class);
    private final FeedbackItems items = CoreTestContext.bean(FeedbackItems.class);
    private final Skills skills = CoreTestContext.bean(Skills.class);
    private final JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);

    @Test
    void feedbackIsStoredWithItsTagsRatingsAndAProgressEventForTheReceiver() {
        UUID objective = org.objectivesOf("ben").getFirst().id();
        UUID testing = skill("testing");
        RecordedFeedback recorded = recorder.record(org.id(), new NewFeedback(org.personId("priya"), org.personId("ben"), objective,
                List.of(new NewFeedback.SkillTag(testing, 4)), FeedbackParts.of("  Solid test plan.  "), null,
                NewFeedback.Visibility.RECIPIENT, false));

        ReceivedFeedback received = items.receivedBy(org.id(), org.personId("ben"), 10).getFirst();
        assertThat(received.id()).isEqualTo(recorded.id());
        assertThat(received.text()).isEqualTo("Solid test plan.");
        assertThat(received.giverName()).isEqualTo("Priya Sharma");
        assertThat(received.objective()).isEqualTo(org.objectivesOf("ben").getFirst().title());
        assertThat(received.skills()).containsExactly("Testing");
        assertThat(CoreTestContext.bean(ProgressEvents.class).forPerson(org.id(), org.personId("ben")))
                .extracting(ProgressEvents.ProgressEvent::kind).containsExactly("feedback_received");
        assertThat(recorded.receiver().name()).as("what was checked comes back, for telling them").isEqualTo("Ben Adeyemi");
        assertThat(recorded.objective().id()).isEqualTo(objective);
        assertThat(recorded.skills()).extracting(t -> t.skill().name(), RecordedFeedback.Tag::rating)
                .containsExactly(tuple("Testing", 4));
    }

    @Test
    void anonymousFeedbackNeverCarriesTheGiversName() {
        recorder.record(org.id(), new NewFeedback(org.personId("priya"), org.personId("ben"), null, List.of(),
                FeedbackParts.of("Speak up more."), null, NewFeedback.Visibility.RECIPIENT, true));
        assertThat(items.receivedBy(org.id(), org.personId("ben"), 10).getFirst().giverName()).isNull();
    }

    @Test
    void rulesAreCheckedBeforeAnythingIsStored() {
        UUID priya = org.personId("priya");
        UUID priyasObjective = org.objectivesOf("priya").getFirst().id();
        assertRejected(new NewFeedback(priya, priya, null, List.of(), FeedbackParts.of("Me!"), null,
                NewFeedback.Visibility.RECIPIENT, false), Reason.TO_SELF);
        assertRejected(new NewFeedback(priya, org.personId("ben"), priyasObjective, List.of(), FeedbackParts.of("Hm"), null,
                NewFeedback.Visibility.RECIPIENT, false), Reason.NOT_THEIR_OBJECTIVE);
        assertRejected(new NewFeedback(priya, org.personId("ben"), null, List.of(new NewFeedback.SkillTag(UUID.randomUUID(), null)),
                FeedbackParts.of("Hm"), null, NewFeedback.Visibility.RECIPIENT, false), Reason.UNKNOWN_SKILL);
        assertRejected(new NewFeedback(priya, TestOrganisation.create().personId("ben"), null, List.of(), FeedbackParts.of("Hm"),
                null, NewFeedback.Visibility.RECIPIENT, false), Reason.UNKNOWN_RECEIVER);
        assertRejected(new NewFeedback(priya, org.personId("ben"), null, List.of(), FeedbackParts.of(" "), null,
                NewFeedback.Visibility.RECIPIENT, false), Reason.EMPTY);
        assertRejected(new NewFeedback(priya, org.personId("ben"), null, List.of(new NewFeedback.SkillTag(skill("testing"), 3)),
                FeedbackParts.of("a".repeat(recorder.maxLength() + 1)), null, NewFeedback.Visibility.RECIPIENT, false), Reason.TOO_LONG);
        assertNothingStoredFor("ben");
    }

    @Test
    void theDatabaseRefusesFeedbackThatCrossesOrganisations() {
        TestOrganisation other = TestOrganisation.create();
        NewFeedback crossing = new NewFeedback(org.personId("priya"), other.personId("ben"), null, List.of(),
                FeedbackParts.of("Hi"), null, NewFeedback.Visibility.RECIPIENT, false);
        assertThatThrownBy(() -> items.insert(org.id(), crossing, OffsetDateTime.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void assertRejected(NewFeedback feedback, Reason reason) {
        assertThatThrownBy(() -> recorder.record(org.id(), feedback))
                .isInstanceOfSatisfying(FeedbackRejected.class, rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }

    private void assertNothingStoredFor(String receiver) {
        assertThat(items.countReceivedBy(org.id(), org.personId(receiver))).isZero();
        assertThat(jdbc.sql("select count(*) from feedback_item_skills where organisation_id = ?").param(org.id())
                .query(Integer.class).single()).isZero();
        assertThat(CoreTestContext.bean(ProgressEvents.class).forPerson(org.id(), org.personId(receiver))).isEmpty();
    }

    private UUID skill(String key) {
        return skills.list(org.id()).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().id();
    }
}

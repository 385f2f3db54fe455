package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.feedback.FeedbackParts.Part;
import dev.stepwise.core.feedback.FeedbackRejected.Problem;
import dev.stepwise.core.feedback.FeedbackRejected.Reason;
import dev.stepwise.core.progress.ProgressEvents;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
    void theWordsAreStoredWholeAndByPartInTheOneRow() {
        RecordedFeedback recorded = recorder.record(org.id(), new NewFeedback(org.personId("priya"), org.personId("ben"), null,
                List.of(), new FeedbackParts(" Clear notes. ", "Start earlier.", "Thanks for pairing."), null,
                NewFeedback.Visibility.RECIPIENT, false));

        Map<String, Object> row = jdbc.sql("select text, went_well, could_be_better, request_id from feedback_items where id = ?")
                .param(recorded.id()).query().singleRow();
        assertThat(row.get("text")).isEqualTo("Went well: Clear notes.\n\nCould be better: Start earlier.\n\nThanks for pairing.");
        assertThat(row).containsEntry("went_well", "Clear notes.").containsEntry("could_be_better", "Start earlier.")
                .containsEntry("request_id", null);
        assertThat(FeedbackParts.stored((String) row.get("text"), "Clear notes.", "Start earlier.").anythingElseOrNull())
                .as("the rest of the text is what was written besides the parts").isEqualTo("Thanks for pairing.");
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
    void everyBrokenRuleIsReportedAtOnceAndNothingIsStored() {
        UUID priyasObjective = org.objectivesOf("priya").getFirst().id();
        NewFeedback wrong = new NewFeedback(org.personId("priya"), org.personId("ben"), priyasObjective,
                List.of(new NewFeedback.SkillTag(UUID.randomUUID(), 2)),
                new FeedbackParts("a".repeat(recorder.maxLength() + 1), null, null), null, NewFeedback.Visibility.RECIPIENT, false);

        assertThatThrownBy(() -> recorder.record(org.id(), wrong)).isInstanceOfSatisfying(FeedbackRejected.class, rejected ->
                assertThat(rejected.problems()).extracting(Problem::reason, Problem::part).containsExactly(
                        tuple(Reason.TOO_LONG, Part.WENT_WELL),
                        tuple(Reason.NOT_THEIR_OBJECTIVE, null),
                        tuple(Reason.UNKNOWN_SKILL, null)));
        assertNothingStoredFor("ben");
    }

    @Test
    void theFormsCheckOfTheWordsIsTheOneTheRecorderApplies() {
        int max = recorder.maxLength();
        List<FeedbackParts> samples = List.of(
                new FeedbackParts(" ", null, "\n"),
                new FeedbackParts("a".repeat(max + 1), "b".repeat(max + 2), null),
                new FeedbackParts("a".repeat(max / 2), "b".repeat(max / 2), "c"),
                FeedbackParts.of("a".repeat(max)));
        assertThat(recorder.check(samples.get(0))).extracting(Problem::reason, Problem::part)
                .containsExactly(tuple(Reason.EMPTY, null));
        assertThat(recorder.check(samples.get(1))).extracting(Problem::part).containsExactly(Part.WENT_WELL, Part.COULD_BE_BETTER);
        assertThat(recorder.check(samples.get(2))).singleElement().satisfies(problem -> {
            assertThat(problem.part()).as("each part fits, together they don't").isNull();
            assertThat(problem.message()).startsWith("Together that's");
        });
        assertThat(recorder.check(samples.get(3))).isEmpty();

        for (FeedbackParts words : samples.subList(0, 3)) {
            NewFeedback feedback = new NewFeedback(org.personId("priya"), org.personId("ben"), null, List.of(), words, null,
                    NewFeedback.Visibility.RECIPIENT, false);
            assertThatThrownBy(() -> recorder.record(org.id(), feedback)).isInstanceOfSatisfying(FeedbackRejected.class,
                    rejected -> assertThat(rejected.problems()).isEqualTo(recorder.check(words)));
        }
        assertNothingStoredFor("ben");
    }

    @Test
    void theDatabaseRefusesFeedbackThatCrossesOrganisations() {
        TestOrganisation other = TestOrganisation.create();
        NewFeedback crossing = new NewFeedback(org.personId("priya"), other.personId("ben"), null, List.of(),
                FeedbackParts.of("Hi"), null, NewFeedback.Visibility.RECIPIENT, false);
        assertThatThrownBy(() -> items.insert(org.id(), crossing, OffsetDateTime.now(CoreTestContext.bean(TestClock.class))))
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

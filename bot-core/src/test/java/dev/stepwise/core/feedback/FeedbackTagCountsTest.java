package dev.stepwise.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.feedback.FeedbackTagCounts.TagCount;
import dev.stepwise.core.goals.BusinessGoals;
import dev.stepwise.core.goals.NewObjective;
import dev.stepwise.core.goals.Objective;
import dev.stepwise.core.goals.Objectives;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class FeedbackTagCountsTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final FeedbackTagCounts counts = CoreTestContext.bean(FeedbackTagCounts.class);
    private final FeedbackRecorder recorder = CoreTestContext.bean(FeedbackRecorder.class);
    private final Skills skills = CoreTestContext.bean(Skills.class);
    private final Objectives objectives = CoreTestContext.bean(Objectives.class);
    private final BusinessGoals goals = CoreTestContext.bean(BusinessGoals.class);
    private final TestClock clock = CoreTestContext.bean(TestClock.class);

    @Test
    void skillsCountOncePerTaggedItemMostFirstThenByNameAndUntaggedSkillsAreNotListed() {
        give(org, "priya", "ben", null, "testing", "communication");
        Instant latestTesting = give(org, "maya", "ben", null, "testing");
        Instant coaching = give(org, "ben", "priya", null, "coaching");
        Instant communication = give(org, "sam", "bea", null, "communication");
        give(org, "bea", "ben", null);                      // no skill: counts nowhere

        List<TagCount> bySkill = counts.bySkill(org.id(), Optional.empty(), Instant.EPOCH);

        assertThat(bySkill).extracting(TagCount::id, TagCount::name, TagCount::count, TagCount::latest).containsExactly(
                tuple(skill(org, "communication"), "Communication", 2L, communication),
                tuple(skill(org, "testing"), "Testing", 2L, latestTesting),
                tuple(skill(org, "coaching"), "Coaching", 1L, coaching));
        // Delegation was never tagged: no zero row for it.
        assertThat(bySkill).extracting(TagCount::name).doesNotContain("Delegation");
    }

    @Test
    void equalCountsAreOrderedByName() {
        give(org, "priya", "ben", null, "testing");
        give(org, "priya", "ben", null, "coaching");
        give(org, "priya", "ben", null, "delegation");
        give(org, "priya", "ben", null, "communication");

        assertThat(counts.bySkill(org.id(), Optional.empty(), Instant.EPOCH)).extracting(TagCount::name)
                .containsExactly("Coaching", "Communication", "Delegation", "Testing");
    }

    @Test
    void objectivesAreCountedByTitleAndItemsWithoutAnObjectiveAreLeftOut() {
        UUID flaky = objective(org, "ben", "Cut flaky tests in half");
        UUID onboarding = objective(org, "ben", "Ship onboarding v2");
        UUID apiReview = objective(org, "priya", "Lead the API review");
        give(org, "priya", "ben", flaky);
        Instant latestFlaky = give(org, "maya", "ben", flaky, "testing");
        Instant onboardingAt = give(org, "bea", "ben", onboarding);
        Instant apiReviewAt = give(org, "ben", "priya", apiReview);
        give(org, "sam", "ben", null, "testing");           // no objective: counts nowhere

        assertThat(counts.byObjective(org.id(), Optional.empty(), Instant.EPOCH))
                .extracting(TagCount::id, TagCount::name, TagCount::count, TagCount::latest).containsExactly(
                        tuple(flaky, "Cut flaky tests in half", 2L, latestFlaky),
                        tuple(apiReview, "Lead the API review", 1L, apiReviewAt),
                        tuple(onboarding, "Ship onboarding v2", 1L, onboardingAt));
    }

    @Test
    void anItemCountsOnceForEachBusinessGoalOfItsObjective() {
        UUID retention = goal(org, "retention");
        UUID revenue = goals.add(org.id(), "revenue", "Grow revenue", "");
        goals.add(org.id(), "costs", "Cut costs", "");       // no objective carries it: not listed
        UUID pricing = objectives.add(org.id(), new NewObjective(org.personId("ben"), "Launch the pricing page", "",
                LocalDate.of(2027, 6, 30), "active", 0, List.of(retention, revenue)));
        give(org, "priya", "ben", pricing);
        Instant latestPricing = give(org, "maya", "ben", pricing, "testing", "communication");
        Instant onboarding = give(org, "bea", "ben", objective(org, "ben", "Ship onboarding v2"));   // retention only
        give(org, "sam", "ben", null);                      // no objective, so no goal

        assertThat(counts.byBusinessGoal(org.id(), Optional.empty(), Instant.EPOCH))
                .extracting(TagCount::id, TagCount::name, TagCount::count, TagCount::latest).containsExactly(
                        tuple(retention, "Keep our customers", 3L, onboarding),
                        tuple(revenue, "Grow revenue", 2L, latestPricing));
    }

    @Test
    void receiverFiltersToFeedbackAboutThatPerson() {
        give(org, "priya", "ben", objective(org, "ben", "Ship onboarding v2"), "testing");
        give(org, "maya", "ben", null, "testing");
        Instant forPriya = give(org, "ben", "priya", objective(org, "priya", "Lead the API review"), "communication");
        give(org, "priya", "maya", null, "coaching");      // given by Priya, not about her

        Optional<UUID> priya = Optional.of(org.personId("priya"));
        assertThat(counts.bySkill(org.id(), priya, Instant.EPOCH)).containsExactly(
                new TagCount(skill(org, "communication"), "Communication", 1, forPriya));
        assertThat(counts.byObjective(org.id(), priya, Instant.EPOCH)).extracting(TagCount::name, TagCount::count)
                .containsExactly(tuple("Lead the API review", 1L));
        assertThat(counts.byBusinessGoal(org.id(), priya, Instant.EPOCH)).extracting(TagCount::name, TagCount::count)
                .containsExactly(tuple("Keep our customers", 1L));

        Optional<UUID> ben = Optional.of(org.personId("ben"));
        assertThat(counts.bySkill(org.id(), ben, Instant.EPOCH)).extracting(TagCount::name, TagCount::count)
                .containsExactly(tuple("Testing", 2L));
        assertThat(counts.bySkill(org.id(), Optional.of(org.personId("sam")), Instant.EPOCH)).isEmpty();
    }

    @Test
    void sinceKeepsItemsCreatedAtOrAfterIt() {
        UUID onboarding = objective(org, "ben", "Ship onboarding v2");
        give(org, "priya", "ben", onboarding, "testing");  // before the window
        clock.advance(Duration.ofHours(1));
        Instant since = clock.instant();
        Instant atSince = giveNow(org, "maya", "ben", onboarding, "testing", "communication");
        assertThat(atSince).isEqualTo(since);
        Instant later = give(org, "bea", "ben", null, "communication");

        assertThat(counts.bySkill(org.id(), Optional.empty(), since))
                .extracting(TagCount::name, TagCount::count, TagCount::latest).containsExactly(
                        tuple("Communication", 2L, later),
                        tuple("Testing", 1L, atSince));
        assertThat(counts.byObjective(org.id(), Optional.empty(), since)).extracting(TagCount::count).containsExactly(1L);
        assertThat(counts.byBusinessGoal(org.id(), Optional.empty(), since)).extracting(TagCount::count).containsExactly(1L);

        assertThat(counts.bySkill(org.id(), Optional.empty(), Instant.EPOCH)).extracting(TagCount::name, TagCount::count)
                .containsExactly(tuple("Communication", 2L), tuple("Testing", 2L));
        assertThat(counts.byObjective(org.id(), Optional.empty(), later.plusNanos(1000))).isEmpty();
    }

    @Test
    void onlyTheOrganisationsOwnFeedbackCounts() {
        TestOrganisation other = TestOrganisation.create();
        Instant ours = give(org, "priya", "ben", objective(org, "ben", "Ship onboarding v2"), "testing");
        give(other, "priya", "ben", objective(other, "ben", "Ship onboarding v2"), "testing");
        give(other, "maya", "ben", objective(other, "ben", "Ship onboarding v2"), "testing", "coaching");

        assertThat(counts.bySkill(org.id(), Optional.empty(), Instant.EPOCH)).containsExactly(
                new TagCount(skill(org, "testing"), "Testing", 1, ours));
        assertThat(counts.byObjective(org.id(), Optional.empty(), Instant.EPOCH))
                .extracting(TagCount::id, TagCount::count).containsExactly(tuple(objective(org, "ben", "Ship onboarding v2"), 1L));
        assertThat(counts.byBusinessGoal(org.id(), Optional.empty(), Instant.EPOCH))
                .extracting(TagCount::id, TagCount::count).containsExactly(tuple(goal(org, "retention"), 1L));

        assertThat(counts.bySkill(other.id(), Optional.empty(), Instant.EPOCH))
                .extracting(TagCount::id, TagCount::count).containsExactly(
                        tuple(skill(other, "testing"), 2L), tuple(skill(other, "coaching"), 1L));
        assertThat(counts.byBusinessGoal(other.id(), Optional.empty(), Instant.EPOCH))
                .extracting(TagCount::id, TagCount::count).containsExactly(tuple(goal(other, "retention"), 2L));

        // Asking for another organisation's person inside this organisation finds nothing.
        Optional<UUID> otherBen = Optional.of(other.personId("ben"));
        assertThat(counts.bySkill(org.id(), otherBen, Instant.EPOCH)).isEmpty();
        assertThat(counts.byObjective(org.id(), otherBen, Instant.EPOCH)).isEmpty();
        assertThat(counts.byBusinessGoal(org.id(), otherBen, Instant.EPOCH)).isEmpty();
    }

    @Test
    void anonymousFeedbackIsCountedToo() {
        recorder.record(org.id(), new NewFeedback(org.personId("priya"), org.personId("ben"), null,
                List.of(new NewFeedback.SkillTag(skill(org, "testing"), null)), FeedbackParts.of("Quietly great."), null,
                NewFeedback.Visibility.RECIPIENT, true));

        assertThat(counts.bySkill(org.id(), Optional.of(org.personId("ben")), Instant.EPOCH))
                .extracting(TagCount::name, TagCount::count).containsExactly(tuple("Testing", 1L));
    }

    @Test
    void anOrganisationWithoutFeedbackHasNoCounts() {
        assertThat(counts.bySkill(org.id(), Optional.empty(), Instant.EPOCH)).isEmpty();
        assertThat(counts.byObjective(org.id(), Optional.empty(), Instant.EPOCH)).isEmpty();
        assertThat(counts.byBusinessGoal(org.id(), Optional.empty(), Instant.EPOCH)).isEmpty();
    }

    /** Moves the clock on a minute, then gives feedback through the real service; returns when it was given. */
    private Instant give(TestOrganisation in, String from, String to, UUID objective, String... skillKeys) {
        clock.advance(Duration.ofMinutes(1));
        return giveNow(in, from, to, objective, skillKeys);
    }

    private Instant giveNow(TestOrganisation in, String from, String to, UUID objective, String... skillKeys) {
        Instant at = clock.instant();
        List<NewFeedback.SkillTag> tags = Arrays.stream(skillKeys)
                .map(key -> new NewFeedback.SkillTag(skill(in, key), 3)).toList();
        recorder.record(in.id(), new NewFeedback(in.personId(from), in.personId(to), objective, tags,
                FeedbackParts.of(from + " to " + to), null, NewFeedback.Visibility.RECIPIENT, false));
        return at;
    }

    private UUID skill(TestOrganisation in, String key) {
        return skills.list(in.id()).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().id();
    }

    private static UUID objective(TestOrganisation in, String owner, String title) {
        return in.objectivesOf(owner).stream().filter(o -> o.title().equals(title)).map(Objective::id)
                .findFirst().orElseThrow();
    }

    private static UUID goal(TestOrganisation in, String key) {
        return CoreTestContext.bean(JdbcClient.class)
                .sql("select id from business_goals where organisation_id = ? and key = ?")
                .params(in.id(), key).query(UUID.class).single();
    }
}

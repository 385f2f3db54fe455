package dev.stepwise.core.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.PlainText;
import dev.stepwise.core.plan.Plans;
import dev.stepwise.core.testing.ConversationTester;
import dev.stepwise.core.testing.CoreTestContext;
import dev.stepwise.core.testing.TestClock;
import dev.stepwise.core.testing.TestOrganisation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The overview a home surface shows: a person's own objectives, requests waiting for them, feedback and plan. */
class HomeSummaryTest {

    private final TestOrganisation org = TestOrganisation.create();
    private final ConversationTester tester = new ConversationTester(org);
    private final HomeSummary home = CoreTestContext.bean(HomeSummary.class);

    @Test
    void showsOnlyThePersonsOwnObjectivesRequestsFeedbackAndPlan() {
        tester.as("priya").says("give feedback to Ben").press("Ship onboarding v2")
                .submit(Map.of("skill", "", "text", "The rollout plan was easy to follow."));
        tester.as("sam").says("give feedback to Priya").press("Lead the API review")
                .submit(Map.of("skill", "", "text", "For Priya only."));
        askForFeedback("maya", "ben", "How did the onboarding demo land?");
        CoreTestContext.bean(Plans.class).add(org.id(), org.personId("ben"), null, null, "Refactoring safely course",
                LocalDate.of(2027, 2, 1));

        String ben = PlainText.of(home.blocks(org.person("ben")));

        assertThat(ben).contains("Hi Ben!", "Ship onboarding v2: 20%", "Cut flaky tests in half: 20%",
                "Maya Lindqvist", "How did the onboarding demo land?",
                "From Priya Sharma", "The rollout plan was easy to follow.",
                "Refactoring safely course (planned, by 1 Feb 2027)");
        assertThat(ben).doesNotContain("For Priya only.", "Lead the API review");
    }

    @Test
    void anEmptyHomeSaysWhatWillAppearThere() {
        String sam = PlainText.of(home.blocks(org.person("sam")));
        assertThat(sam).contains("No open objectives yet.", "Nothing waiting", "None yet.", "Your plan is empty.");
    }

    @Test
    void goalsAndPlanAnswerInChat() {
        tester.as("ben").says("my goals").expectReply("Your objectives", "Ship onboarding v2: 20%", "due 31 Mar 2027");
        tester.as("ben").says("my plan").expectReply("Your plan is empty.");
    }

    private void askForFeedback(String requester, String recipient, String question) {
        JdbcClient jdbc = CoreTestContext.bean(JdbcClient.class);
        UUID request = UUID.randomUUID();
        jdbc.sql("insert into feedback_requests (id, organisation_id, requester_id, question, due_at) values (?, ?, ?, ?, ?)")
                .params(request, org.id(), org.personId(requester), question, OffsetDateTime.now(CoreTestContext.bean(TestClock.class)).plusDays(7)).update();
        jdbc.sql("insert into feedback_request_recipients (request_id, organisation_id, recipient_id) values (?, ?, ?)")
                .params(request, org.id(), org.personId(recipient)).update();
    }
}

package dev.stepwise.core.feedback.summary;

import static dev.stepwise.core.competency.Level.ADVANCED_BEGINNER;
import static dev.stepwise.core.competency.Level.COMPETENT;
import static dev.stepwise.core.competency.Level.EXPERT;
import static dev.stepwise.core.competency.Level.NOVICE;
import static dev.stepwise.core.competency.Level.PROFICIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.competency.Level;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.PlainText;
import dev.stepwise.core.text.UserText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestSummaryTest {

    private static final String QUESTION = "How did my incident review go?";
    private static final List<String> GIVERS = List.of("Priyanka Raghunathan", "Bartholomew Oyelaran", "Siobhan Kowalczyk",
            "Mateusz Achterberg", "Xiomara Delacroix");

    // ---------------------------------------------------------------- header

    @Test
    void theHeaderShowsTheQuestionTheObjectiveAndHowManyAnsweredAndDeclined() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, "Run calmer incident reviews", false, 5, 1,
                List.of(named("Priya", "Clear timeline."), named("Sam", "Good pace.")), Map.of(), 3, false));

        Block.Card header = (Block.Card) blocks.getFirst();
        assertThat(header.title()).isEqualTo("Your feedback request so far");
        assertThat(header.fields()).extracting(Block.CardField::label, Block.CardField::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Question", QUESTION),
                org.assertj.core.groups.Tuple.tuple("About", "Run calmer incident reviews"),
                org.assertj.core.groups.Tuple.tuple("Answered", "2 of 5, 1 declined"));
    }

    @Test
    void aClosedRequestIsTitledAsASummaryAndAnAnonymousOneSaysSo() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 3, 0, anonymousAnswers(3),
                Map.of(), 3, true));

        Block.Card header = (Block.Card) blocks.getFirst();
        assertThat(header.title()).isEqualTo("Summary of your feedback request");
        assertThat(header.fields()).extracting(Block.CardField::label).containsExactly("Question", "Answered", "Anonymous");
        assertThat(header.fields().get(2).value()).contains("at least 3 have answered");
    }

    @Test
    void askedIsNeverBelowWhatIsKnownToHaveHappened() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, false, 1, 1,
                List.of(named("Priya", "Fine."), named("Sam", "Fine too.")), Map.of(), 3, true));

        assertThat(PlainText.of(blocks)).contains("Answered: 2 of 3, 1 declined");
    }

    // ---------------------------------------------------------------- attribution vs anonymity

    @Test
    void aNamedRequestAttributesEachPointToWhoSaidIt() {
        List<Block> blocks = RequestSummary.of(input(false, 3, false,
                new RequestAnswer("Priya", "You kept the timeline crisp and blameless.", "Start on time.", null, Map.of()),
                new RequestAnswer("Sam", "Everyone got a say in the discussion.", null, "Thanks for running it.", Map.of())));

        String text = PlainText.of(blocks);
        assertThat(text).contains("- **Priya:** You kept the timeline crisp and blameless.")
                .contains("- **Sam:** Everyone got a say in the discussion.")
                .contains("- **Priya:** Start on time.")
                .contains("- **Sam:** Thanks for running it.")
                .contains("Each answer in full is in **my feedback**.");
    }

    @Test
    void aNamedAnswerWithoutANameIsFromAColleague() {
        List<Block> blocks = RequestSummary.of(input(false, 2, false, RequestAnswer.of(null, "Clear slides.", null, null)));

        assertThat(PlainText.of(blocks)).contains("- **A colleague:** Clear slides.");
    }

    static Stream<Arguments> anonymousCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int answered = 0; answered <= 5; answered++) {
            for (int threshold : new int[] {0, 1, 3, 5}) {
                for (boolean closed : new boolean[] {false, true}) {
                    cases.add(Arguments.of(answered, threshold, closed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} answered, threshold {1}, closed {2}")
    @MethodSource("anonymousCases")
    void anAnonymousRequestNeverShowsAGiversNameEvenWhenTheInputCarriesIt(int answered, int threshold, boolean closed) {
        List<RequestAnswer> answers = new ArrayList<>();
        for (int i = 0; i < answered; i++) {
            answers.add(new RequestAnswer(GIVERS.get(i), "The retro notes were thorough and shared quickly.",
                    "Ask quieter people first " + i + ".", "More of this please.", Map.of("Facilitation", Level.of(1 + i))));
        }
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, "Objective", true, 5, 0, answers,
                Map.of("Facilitation", COMPETENT), threshold, closed));

        String text = PlainText.of(blocks);
        for (String giver : GIVERS) {
            assertThat(text).doesNotContain(giver);
            for (String part : giver.split(" ")) {
                assertThat(text).doesNotContain(part);
            }
        }
        assertThat(text).doesNotContain("A colleague:").doesNotContain("my feedback");
    }

    @Test
    void aNamedRequestDoesShowTheNamesThatTheAnonymityTestLooksFor() {
        // Guards the test above: the same input, named, does contain the names it checks for.
        List<RequestAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(new RequestAnswer(GIVERS.get(i), "The retro notes were thorough and shared quickly.", null, null,
                    Map.of("Facilitation", Level.of(1 + i))));
        }
        String text = PlainText.of(RequestSummary.of(new SummaryInput(QUESTION, null, false, 3, 0, answers, Map.of(), 3, true)));

        assertThat(text).contains(GIVERS.get(0), GIVERS.get(1), GIVERS.get(2));
    }

    // ---------------------------------------------------------------- threshold

    @Test
    void belowTheThresholdNothingOfTheAnswersIsShownOnlyHowMany() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 5, 0, List.of(
                new RequestAnswer(null, "Brilliant whiteboarding.", "Speak slower.", "Zebra.", Map.of("Facilitation", EXPERT)),
                new RequestAnswer(null, "Tidy agenda.", "Summarise actions.", null, Map.of("Facilitation", NOVICE))),
                Map.of("Facilitation", COMPETENT), 3, false));

        assertThat(blocks).hasSize(2);
        assertThat(((Block.Text) blocks.get(1)).markdown())
                .isEqualTo("2 answers so far; you'll see them together once at least 3 have answered.");
        String text = PlainText.of(blocks);
        assertThat(text).doesNotContain("whiteboarding", "agenda", "slower", "Summarise", "Zebra", "Facilitation", "Expert",
                "Novice", "Competent");
    }

    @Test
    void oneAnswerBelowTheThresholdIsSingular() {
        List<Block> blocks = RequestSummary.of(input(true, 3, false, RequestAnswer.of(null, "Calm.", null, null)));

        assertThat(((Block.Text) blocks.get(1)).markdown())
                .isEqualTo("1 answer so far; you'll see them together once at least 3 have answered.");
    }

    @Test
    void atTheThresholdTheAnswersAreShownTogether() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 5, 0, anonymousAnswers(3), Map.of(), 3, false));

        String text = PlainText.of(blocks);
        assertThat(text).contains("**What went well**").contains("retro notes").doesNotContain("so far;")
                .contains("The answers are anonymous: shown only together, without names");
    }

    @Test
    void aboveTheThresholdTheAnswersAreShownTogether() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 5, 0, anonymousAnswers(4), Map.of(), 3, false));

        assertThat(PlainText.of(blocks)).contains("**What went well**").contains("retro notes");
    }

    @Test
    void theOrganisationsThresholdApplies() {
        SummaryInput four = new SummaryInput(QUESTION, null, true, 6, 0, anonymousAnswers(4), Map.of(), 5, false);
        SummaryInput five = new SummaryInput(QUESTION, null, true, 6, 0, anonymousAnswers(5), Map.of(), 5, false);

        assertThat(PlainText.of(RequestSummary.of(four))).doesNotContain("retro notes")
                .contains("4 answers so far; you'll see them together once at least 5 have answered.");
        assertThat(PlainText.of(RequestSummary.of(five))).contains("retro notes");
    }

    @Test
    void anUnsetThresholdMeansTheDefaultOfThree() {
        assertThat(PlainText.of(RequestSummary.of(new SummaryInput(QUESTION, null, true, 5, 0, anonymousAnswers(2), Map.of(), 0, false))))
                .contains("once at least 3 have answered").doesNotContain("retro notes");
        assertThat(PlainText.of(RequestSummary.of(new SummaryInput(QUESTION, null, true, 5, 0, anonymousAnswers(3), Map.of(), -1, false))))
                .contains("retro notes");
    }

    @Test
    void aRequestThatClosesWithTooFewAnonymousAnswersSaysTheyStayHidden() {
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 4, 2, anonymousAnswers(2),
                Map.of("Facilitation", COMPETENT), 3, true));

        assertThat(blocks).hasSize(2);
        assertThat(((Block.Text) blocks.get(1)).markdown()).isEqualTo("The request closed with 2 answers, fewer than the 3 "
                + "needed to show anonymous answers without revealing who said what, so they won't be shown.");
        assertThat(PlainText.of(blocks)).doesNotContain("retro notes", "Facilitation").contains("Answered: 2 of 4, 2 declined");
    }

    @Test
    void aSkillRatedByFewerThanTheThresholdIsNotBrokenDownEvenWhenEnoughAnswered() {
        List<RequestAnswer> answers = List.of(
                new RequestAnswer(null, "Good.", null, null, Map.of("Facilitation", PROFICIENT, "Writing", EXPERT)),
                new RequestAnswer(null, "Fine.", null, null, Map.of("Facilitation", PROFICIENT)),
                new RequestAnswer(null, "Okay.", null, null, Map.of("Facilitation", COMPETENT)));
        Block.Card ratings = ratingsCard(RequestSummary.of(new SummaryInput(QUESTION, null, true, 3, 0, answers,
                Map.of("Writing", COMPETENT), 3, true)));

        assertThat(field(ratings, "Facilitation")).isEqualTo("Others: Competent ×1, Proficient ×2");
        assertThat(field(ratings, "Writing")).isEqualTo("You: Competent · Others: fewer than 3 ratings, so not shown (nobody can be singled out)")
                .doesNotContain("Expert");
    }

    // ---------------------------------------------------------------- ratings

    @Test
    void ratingsAreADistributionNeverAnAverage() {
        // Novice (1) and Expert (5) average to Competent (3): it must not appear, nor any number made of them.
        List<RequestAnswer> answers = List.of(
                new RequestAnswer("Priya", null, null, null, Map.of("Facilitation", NOVICE)),
                new RequestAnswer("Sam", null, null, null, Map.of("Facilitation", EXPERT)),
                new RequestAnswer("Ben", null, null, null, Map.of("Facilitation", EXPERT)));

        for (boolean anonymous : new boolean[] {false, true}) {
            Block.Card ratings = ratingsCard(RequestSummary.of(new SummaryInput(QUESTION, null, anonymous, 3, 0, answers,
                    Map.of(), 3, true)));
            String value = field(ratings, "Facilitation");
            assertThat(value).isEqualTo(anonymous ? "Others: Novice ×1, Expert ×2" : "Others: Novice ×1 (Priya), Expert ×2 (Ben, Sam)");
            assertThat(value.toLowerCase(java.util.Locale.ROOT)).doesNotContain("average").doesNotContain("mean");
            String all = PlainText.of(List.of(ratings)).toLowerCase(java.util.Locale.ROOT);
            assertThat(all).doesNotContain("competent").doesNotContain("proficient")
                    .doesNotContainPattern("\\d[.,]\\d").doesNotContain("/5");
        }
    }

    @Test
    void theSelfRatingStandsNextToOthersRatingsForEverySkill() {
        List<RequestAnswer> answers = List.of(
                new RequestAnswer(null, null, null, null, Map.of("Facilitation", PROFICIENT, "Writing", ADVANCED_BEGINNER)),
                new RequestAnswer(null, null, null, null, Map.of("Facilitation", EXPERT, "Writing", ADVANCED_BEGINNER)),
                new RequestAnswer(null, null, null, null, Map.of("Facilitation", PROFICIENT, "Writing", COMPETENT)));
        Map<String, Level> self = new LinkedHashMap<>();
        self.put("Writing", EXPERT);
        self.put("Facilitation", COMPETENT);
        self.put("Coaching", NOVICE);

        Block.Card ratings = ratingsCard(RequestSummary.of(new SummaryInput(QUESTION, null, true, 3, 0, answers, self, 3, true)));

        assertThat(ratings.subtitle()).contains("never averaged");
        assertThat(ratings.fields()).extracting(Block.CardField::label).containsExactly("Coaching", "Facilitation", "Writing");
        assertThat(field(ratings, "Facilitation")).isEqualTo("You: Competent · Others: Proficient ×2, Expert ×1");
        assertThat(field(ratings, "Writing")).isEqualTo("You: Expert · Others: Advanced Beginner ×2, Competent ×1");
        assertThat(field(ratings, "Coaching")).isEqualTo("You: Novice · Others: not rated");
    }

    @Test
    void withoutASelfRatingOnlyOthersAreShownAndNullsAreIgnored() {
        Map<String, Level> withNull = new HashMap<>();
        withNull.put("Facilitation", null);
        withNull.put("Writing", COMPETENT);
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, false, 2, 0,
                List.of(new RequestAnswer("Priya", null, null, null, withNull)), null, 3, false));

        Block.Card ratings = ratingsCard(blocks);
        assertThat(ratings.fields()).extracting(Block.CardField::label).containsExactly("Writing");
        assertThat(field(ratings, "Writing")).isEqualTo("Others: Competent ×1 (Priya)");
    }

    // ---------------------------------------------------------------- extraction

    @Test
    void nearIdenticalPointsAreShownOnceWithEveryoneWhoMadeThem() {
        List<RequestAnswer> answers = List.of(
                named("Priya", "Great demo."),
                named("Sam", "great   demo!"),
                named("Ben", "- Great demo"),
                named("Maya", "The demo was really great"),
                named("Ola", "The demo was great"));

        String text = PlainText.of(RequestSummary.of(input(false, 5, true, answers.toArray(RequestAnswer[]::new))));

        assertThat(text).contains("- **Ben, Priya, Sam:** Great demo.")
                .contains("- **Maya, Ola:** The demo was really great");
        assertThat(bullets(text)).hasSize(2);
    }

    @Test
    void anonymousDuplicatesSayHowManyPeopleMadeThePointWithoutNames() {
        List<RequestAnswer> answers = List.of(
                RequestAnswer.of("Priya", "Great demo.", null, null),
                RequestAnswer.of("Sam", "Great demo!", null, null),
                RequestAnswer.of("Ben", "Clear handover notes for the on-call team.", null, null));

        String text = PlainText.of(RequestSummary.of(input(true, 3, true, answers.toArray(RequestAnswer[]::new))));

        assertThat(text).contains("- Great demo! _(2 people said this)_").contains("- Clear handover notes for the on-call team.")
                .doesNotContain("Priya", "Sam", "Ben");
    }

    @Test
    void theSamePersonRepeatingThemselvesCountsOnce() {
        String text = PlainText.of(RequestSummary.of(input(true, 3, true,
                RequestAnswer.of(null, "Great demo. Great demo!", null, null),
                RequestAnswer.of(null, "Clear notes.", null, null),
                RequestAnswer.of(null, "Tidy agenda.", null, null))));

        assertThat(text).contains("- Great demo").doesNotContain("people said this");
        assertThat(bullets(text)).hasSize(3);
    }

    @Test
    void pointsThatMoreAnswersShareComeFirstWhateverTheAnswerOrder() {
        List<Block> blocks = RequestSummary.of(input(true, 4, true,
                RequestAnswer.of(null, "Lovely colours on the slides, and a good choice of fonts throughout the deck.", null, null),
                RequestAnswer.of(null, "Quick to respond.", null, null),
                RequestAnswer.of(null, "The incident timeline was clear.", null, null),
                RequestAnswer.of(null, "Your timeline made the incident easy to follow for newcomers.", null, null)));

        List<String> bullets = bullets(section(blocks, "What went well"));
        assertThat(bullets).hasSize(3);
        assertThat(bullets.get(0)).contains("timeline");
        assertThat(bullets.get(1)).contains("timeline");
        assertThat(bullets.get(2)).contains("Lovely colours");
        assertThat(String.join("\n", bullets)).doesNotContain("Quick to respond");
        assertThat(section(blocks, "What went well")).startsWith("**What went well** (3 of 4 points)");
    }

    @Test
    void atMostThreePointsPerSectionEachAtAUsefulLengthFirst() {
        String text = section(RequestSummary.of(input(false, 1, true, RequestAnswer.of("Priya", null,
                "Ok. Send the agenda a day ahead so people can prepare. Fine. Keep the review to the hour you booked for it. "
                        + "Write down who owns each follow-up action before everyone leaves the room. Hm.", null))),
                "What could be better");

        assertThat(bullets(text)).hasSize(3).noneMatch(b -> b.endsWith("Ok.") || b.endsWith("Fine.") || b.endsWith("Hm."));
        assertThat(text).startsWith("**What could be better** (3 of 6 points)");
    }

    @Test
    void anAnonymousSummaryIsTheSameWhateverOrderTheAnswersCameIn() {
        List<RequestAnswer> answers = List.of(
                new RequestAnswer(null, "The retro notes were thorough. You listened well.", "Start on time.", "Thanks!",
                        Map.of("Facilitation", COMPETENT, "Writing", EXPERT)),
                new RequestAnswer(null, "Clear timeline of the outage.", "Shorter slides. Start on time!", null,
                        Map.of("Facilitation", PROFICIENT, "Writing", EXPERT)),
                new RequestAnswer(null, "Zesty energy in the room.", "Assign owners to actions.", "Keep it up.",
                        Map.of("Facilitation", COMPETENT, "Writing", NOVICE)),
                new RequestAnswer(null, "Appreciated the agenda.", null, null, Map.of("Facilitation", EXPERT)));

        List<Block> first = null;
        for (List<RequestAnswer> order : permutations(answers)) {
            List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 4, 0, order, Map.of(), 3, true));
            if (first == null) {
                first = blocks;
            }
            assertThat(blocks).isEqualTo(first);
        }
        assertThat(permutations(answers)).hasSize(24);
    }

    @Test
    void anAnonymousSummaryDoesNotListPointsInTheOrderTheyArrived() {
        // Nothing is shared, so the longer point comes first, whichever arrived first.
        List<Block> blocks = RequestSummary.of(input(true, 3, true,
                RequestAnswer.of(null, "Appreciated the clear agenda.", null, null),
                RequestAnswer.of(null, "Zesty energy in the room today.", null, null),
                RequestAnswer.of(null, "Measured tone with the customer.", null, null)));

        assertThat(bullets(section(blocks, "What went well"))).containsExactly(
                "- Zesty energy in the room today.", "- Measured tone with the customer.", "- Appreciated the clear agenda.");
        List<Block> reversed = RequestSummary.of(input(true, 3, true,
                RequestAnswer.of(null, "Measured tone with the customer.", null, null),
                RequestAnswer.of(null, "Zesty energy in the room today.", null, null),
                RequestAnswer.of(null, "Appreciated the clear agenda.", null, null)));
        assertThat(reversed).isEqualTo(blocks);
    }

    // ---------------------------------------------------------------- degrading

    @Test
    void noAnswersYet() {
        assertThat(PlainText.of(RequestSummary.of(input(false, 4, false)))).contains("Answered: 0 of 4")
                .contains("No answers yet. I'll let you know as they arrive.");
        assertThat(PlainText.of(RequestSummary.of(input(true, 4, false))))
                .contains("No answers yet; you'll see them together once at least 3 have answered.");
    }

    @Test
    void closedWithoutAnyAnswers() {
        for (boolean anonymous : new boolean[] {false, true}) {
            List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, anonymous, 3, 3, List.of(),
                    Map.of("Facilitation", COMPETENT), 3, true));
            assertThat(blocks).hasSize(2);
            assertThat(((Block.Text) blocks.get(1)).markdown()).isEqualTo("The request closed without any answers.");
            assertThat(PlainText.of(blocks)).contains("Answered: 0 of 3, 3 declined");
        }
    }

    @Test
    void answersWithOnlyFreeTextAreSummarisedAsAnythingElse() {
        String text = PlainText.of(RequestSummary.of(input(false, 2, true,
                RequestAnswer.of("Priya", null, "  ", "Happy to pair on the next one."),
                RequestAnswer.of("Sam", "", null, "Ping me any time."))));

        assertThat(text).doesNotContain("What went well").doesNotContain("What could be better")
                .contains("**Anything else**\n- **Priya:** Happy to pair on the next one.\n- **Sam:** Ping me any time.");
    }

    @Test
    void answersWithNothingInThemSaySo() {
        List<Block> blocks = RequestSummary.of(input(false, 2, true,
                new RequestAnswer("Priya", null, " ", "\n\n", null), RequestAnswer.of("Sam", "...", "!!", null)));

        assertThat(PlainText.of(blocks)).contains("None of the answers has comments or ratings to show.")
                .doesNotContain("**What went well**");
    }

    @Test
    void veryLongTextIsCutAtAWordBreak() {
        String endless = "This went on and on without ever stopping ".repeat(200);
        String text = PlainText.of(RequestSummary.of(new SummaryInput(endless, endless, false, 1, 0,
                List.of(new RequestAnswer("Priya", endless, null, null, Map.of())), Map.of(), 3, true)));

        String bullet = bullets(text).getFirst();
        assertThat(bullet).endsWith("…").startsWith("- **Priya:** This went on");
        String sentence = bullet.substring("- **Priya:** ".length());
        assertThat(sentence.length()).isLessThanOrEqualTo(RequestSummary.MAX_SENTENCE_CHARS);
        String kept = sentence.substring(0, sentence.length() - 1);
        assertThat(sentence).endsWith("…").doesNotContain("  ");
        assertThat(endless).startsWith(kept + " ");
        assertThat(text).contains("Question: This went on").doesNotContain(endless.strip());
        assertThat(text.length()).isLessThan(1_500);
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE80";
        String cut = UserText.cut("a".repeat(8) + emoji + "b".repeat(10), 10);

        assertThat(cut).isEqualTo("a".repeat(8) + "…");
        assertThat(UserText.cut("short", 10)).isEqualTo("short");
    }

    @Test
    void manySentencesStayCheap() {
        String many = "Point number %d was made clearly. ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append(many.formatted(i));
        }
        List<RequestAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(RequestAnswer.of(null, text.toString(), text.toString(), text.toString()));
        }

        long start = System.nanoTime();
        List<Block> blocks = RequestSummary.of(new SummaryInput(QUESTION, null, true, 50, 0, answers, Map.of(), 3, true));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(bullets(section(blocks, "What went well"))).hasSize(3);
    }

    // ---------------------------------------------------------------- markdown

    @Test
    void markdownInAnswersCannotFormatLinkOrAddLines() {
        String nasty = "**Bold claim** _tilted_ `rm -rf` [click me](https://evil.example) ~gone~\n- fake bullet\n\n**Hijack**";
        List<Block> blocks = RequestSummary.of(new SummaryInput("Did *this* [work](javascript:alert(1))?", "`obj`", false, 1, 0,
                List.of(new RequestAnswer("**Boss** [x](https://evil.example)", nasty, null, null, Map.of("*Skill*_[x]", COMPETENT))),
                Map.of(), 3, true));

        String text = PlainText.of(blocks);
        List<String> bullets = bullets(section(blocks, "What went well"));
        assertThat(bullets).hasSize(3);
        for (String bullet : bullets) {
            String userPart = bullet.substring(bullet.indexOf(":** ") + 4);
            String name = bullet.substring("- **".length(), bullet.indexOf(":** "));
            assertThat(userPart + name).doesNotContain("*", "_", "`", "[", "]", "~", "\n");
        }
        assertThat(text).doesNotContain("[click me](", "](https://evil", "`rm", "**Bold", "_tilted_", "**Boss**", "\n- fake",
                "*this*", "[work](", "`obj`", "*Skill*")
                .contains("- **∗∗Boss∗∗ (x)(https://evil.example):** ∗∗Bold claim∗∗ ˍtiltedˍ ˋrm -rfˋ (click me)(https://evil.example) ∼gone∼")
                .contains("(click me)(https://evil.example)");
        Block.Card header = (Block.Card) blocks.getFirst();
        assertThat(header.fields().getFirst().value()).isEqualTo("Did ∗this∗ (work)(javascript:alert(1))?");
        assertThat(ratingsCard(blocks).fields().getFirst().label()).isEqualTo("∗Skill∗ˍ(x)");
    }

    @Test
    void userTextKeepsEverythingElseAsTyped() {
        assertThat(UserText.inline("Tom & Jerry <3 — café, 100% 👍 a|b #1")).isEqualTo("Tom & Jerry <3 — café, 100% 👍 a|b #1");
        assertThat(UserText.inline("  two\t\tspaces\r\nnew line\u202Eevil\u0007 ")).isEqualTo("two spaces new lineevil");
        assertThat(UserText.inline(null)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static RequestAnswer named(String name, String wentWell) {
        return RequestAnswer.of(name, wentWell, null, null);
    }

    private static List<RequestAnswer> anonymousAnswers(int count) {
        List<RequestAnswer> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(new RequestAnswer(GIVERS.get(i), "The retro notes were thorough and shared quickly.",
                    "Ask quieter people first.", null, Map.of("Facilitation", Level.of(1 + i))));
        }
        return answers;
    }

    private static SummaryInput input(boolean anonymous, int asked, boolean closed, RequestAnswer... answers) {
        return new SummaryInput(QUESTION, null, anonymous, asked, 0, Arrays.asList(answers), Map.of(), 3, closed);
    }

    private static String section(List<Block> blocks, String title) {
        return blocks.stream().filter(Block.Text.class::isInstance).map(b -> ((Block.Text) b).markdown())
                .filter(m -> m.startsWith("**" + title + "**")).findFirst().orElseThrow();
    }

    private static List<String> bullets(String text) {
        return text.lines().filter(line -> line.startsWith("- ")).toList();
    }

    private static Block.Card ratingsCard(List<Block> blocks) {
        return blocks.stream().filter(Block.Card.class::isInstance).map(Block.Card.class::cast)
                .filter(card -> card.title().equals("Ratings")).findFirst().orElseThrow();
    }

    private static String field(Block.Card card, String label) {
        return card.fields().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }
}

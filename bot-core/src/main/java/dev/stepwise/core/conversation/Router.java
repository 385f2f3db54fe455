package dev.stepwise.core.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns what someone typed into an {@link Intent} with a small, predictable grammar. It answers first; only what it
 * can't place, or places by a plain-language guess, may be asked of the LLM ({@link IntentClassifier}), which falls
 * back to this answer.
 */
@Component
public class Router {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CASE;
    private static final Pattern HELP = Pattern.compile("(help|\\?|what can you do|commands|menu)", FLAGS);
    private static final Pattern GREETING = Pattern.compile("(hi|hello|hey|hiya|good (morning|afternoon|evening))( there)?", FLAGS);
    private static final Pattern CANCEL = Pattern.compile("(cancel|stop|never ?mind|quit|exit)", FLAGS);
    private static final Pattern TEAM_FEEDBACK = Pattern.compile(
            "((show|list|see|view) )?(me )?(my )?team'?s? feedback|feedback (for|about|of|from) my (team|reports)|my reports'? feedback",
            FLAGS);
    private static final Pattern MY_FEEDBACK = Pattern.compile(
            "((show|list|see|view) )?(me )?my feedback|feedback (for|about) me|what feedback (have i|did i) (got|get|received|receive)",
            FLAGS);
    private static final Pattern GIVE_FEEDBACK = Pattern.compile(
            "(?:(?:give|send|share|leave|write) (?:some |quick |a bit of )?feedback|feedback)"
                    + "(?:\\s+(?:to|for|on|about)\\s+(?<who>[^:\\n]+?))?"
                    + "(?:\\s*(?::|\\n)\\s*(?<text>.*))?",
            FLAGS);

    private static final Pattern MY_GOALS = Pattern.compile(
            "((show|list|see|view) )?(me )?(my )?(goals|objectives)", FLAGS);
    private static final Pattern MY_PLAN = Pattern.compile(
            "((show|list|see|view) )?(me )?(my )?(plan|learning plan|development plan)", FLAGS);
    private static final Pattern REQUEST_FEEDBACK = Pattern.compile(
            "(?:request|ask for|ask|get|collect|gather) (?:some |more )?feedback(?:\\s+(?:from|of)\\s+(?<who>.+))?", FLAGS);
    private static final Pattern ASK_PEOPLE_FOR_FEEDBACK = Pattern.compile("ask (?<who>.+?) for (?:some |more )?feedback", FLAGS);
    private static final Pattern ASSESS = Pattern.compile("(self[- ]?)?assess(ment)?( me| myself)?\\b.*", FLAGS);
    private static final Pattern SITUATION = Pattern.compile("(help (me )?with|advice (on|about)|coach me (on|about|through)) .+", FLAGS);
    private static final Pattern SUGGEST = Pattern.compile(
            "(?:suggest|recommend)(?: some| me)?(?: learning| something| courses?| ways)?(?:\\s+(?:for|on|in|to (?:grow|improve))\\s+(?:my )?(?<skill>.+))?"
                    + "|how (?:can|do|could) i (?:get better|improve|grow|level up)(?: at| in| my)? (?<skill2>.+)"
                    + "|(?:improve|grow|develop) my (?<skill3>.+)", FLAGS);
    private static final Pattern OFFER_MENTORING = Pattern.compile(
            "(?:i can |i'd like to |i want to |i'll )?mentor (?:others |people |colleagues )?(?:in |on )?(?<skill>.+)", FLAGS);
    /** Plain-language situations: a first-person lead-in and something that happens at work. */
    private static final Pattern PLAIN_SITUATION = Pattern.compile(
            "(?:i have|i've got|i'm (?:facing|dealing with|preparing for|running|leading|giving|having)|i need to|i must|"
                    + "(?:tomorrow|today|next week|on \\w+) i(?: have|'m| need to)?|how (?:do|should|can) i|what should i (?:do|say)|"
                    + "any (?:advice|tips))\\b.*\\b(?:conversation|meeting|talk|review|appraisal|presentation|1:1|one[- ]on[- ]one|"
                    + "interview|negotiation|conflict|pitch|workshop|offsite|demo|stakeholders?|performance|deadline|"
                    + "team|report|manager|boss|promotion|layoffs?|redundanc(?:y|ies)|hire|hiring)\\b.*", FLAGS);
    private static final Pattern SETTINGS = Pattern.compile("(my )?(settings|preferences|notifications)", FLAGS);

    public Intent route(String typed) {
        String text = typed == null ? "" : typed.strip();
        String bare = text.replaceAll("[.!?]+$", "").strip();
        if (bare.isEmpty() || HELP.matcher(bare).matches()) {
            return new Intent.Help(false);
        }
        if (GREETING.matcher(bare).matches()) {
            return new Intent.Help(true);
        }
        if (CANCEL.matcher(bare).matches()) {
            return new Intent.Cancel();
        }
        if (TEAM_FEEDBACK.matcher(bare).matches()) {
            return new Intent.TeamFeedback();
        }
        if (MY_FEEDBACK.matcher(bare).matches()) {
            return new Intent.MyFeedback();
        }
        if (MY_GOALS.matcher(bare).matches()) {
            return new Intent.MyGoals();
        }
        if (MY_PLAN.matcher(bare).matches()) {
            return new Intent.MyPlan();
        }
        Matcher request = REQUEST_FEEDBACK.matcher(bare);
        if (request.matches()) {
            return new Intent.RequestFeedback(blankToNull(request.group("who")));
        }
        Matcher askPeople = ASK_PEOPLE_FOR_FEEDBACK.matcher(bare);
        if (askPeople.matches()) {
            return new Intent.RequestFeedback(blankToNull(askPeople.group("who")));
        }
        if (ASSESS.matcher(bare).matches()) {
            return new Intent.NotYetAvailable("Self-assessment against your role's skills");
        }
        Matcher suggest = SUGGEST.matcher(bare);
        if (suggest.matches()) {
            String skill = suggest.group("skill") != null ? suggest.group("skill")
                    : suggest.group("skill2") != null ? suggest.group("skill2") : suggest.group("skill3");
            return new Intent.Suggest(blankToNull(skill));
        }
        Matcher mentor = OFFER_MENTORING.matcher(bare);
        if (mentor.matches()) {
            return new Intent.OfferMentoring(mentor.group("skill").strip());
        }
        if (SITUATION.matcher(bare).matches()) {
            return new Intent.Situation(text);
        }
        if (PLAIN_SITUATION.matcher(bare).matches()) {
            return new Intent.Situation(text, true);
        }
        if (SETTINGS.matcher(bare).matches()) {
            return new Intent.NotYetAvailable("Settings for reminders and quiet hours");
        }
        Matcher give = GIVE_FEEDBACK.matcher(text);
        if (give.matches()) {
            return new Intent.GiveFeedback(blankToNull(give.group("who")), blankToNull(give.group("text")));
        }
        return new Intent.Unrecognised(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

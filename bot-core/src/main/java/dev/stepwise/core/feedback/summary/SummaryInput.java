package dev.stepwise.core.feedback.summary;

import dev.stepwise.core.competency.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link RequestSummary} needs about one feedback request, for the person who asked.
 *
 * @param question           what they asked
 * @param objectiveTitle     the objective it is about, or null
 * @param anonymous          whether answers are anonymous: then no name is ever shown, and words and ratings only
 *                           together once at least {@code anonymityThreshold} people have answered
 * @param asked              how many people were asked (raised to answers + declined when lower)
 * @param declined           how many declined
 * @param answers            the answers so far, in any order (the order never shows for anonymous requests)
 * @param selfRatings        skill name to the requester's own rating; may be empty, null values are ignored
 * @param anonymityThreshold the organisation's N; below 1 means not set, and {@link #DEFAULT_ANONYMITY_THRESHOLD} applies
 * @param closed             true when the request is over: everyone answered or declined, or it expired
 */
public record SummaryInput(String question, String objectiveTitle, boolean anonymous, int asked, int declined,
                           List<RequestAnswer> answers, Map<String, Level> selfRatings, int anonymityThreshold,
                           boolean closed) {

    public static final int DEFAULT_ANONYMITY_THRESHOLD = 3;

    public SummaryInput {
        answers = answers == null ? List.of() : answers.stream().filter(Objects::nonNull).toList();
        selfRatings = RequestAnswer.withoutNulls(selfRatings);
        declined = Math.max(0, declined);
        asked = Math.max(asked, answers.size() + declined);
        anonymityThreshold = anonymityThreshold < 1 ? DEFAULT_ANONYMITY_THRESHOLD : anonymityThreshold;
    }
}

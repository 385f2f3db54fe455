package dev.stepwise.core.feedback.summary;

import dev.stepwise.core.competency.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer to a feedback request, as {@link RequestSummary} needs it.
 *
 * @param giverName     who answered; ignored (never shown) when the request is anonymous, so callers may pass it or null
 * @param wentWell      the "what went well" part, or null
 * @param couldBeBetter the "what could be better" part, or null
 * @param freeText      anything else they wrote, or null
 * @param ratings       skill name to the level they rated it; may be empty, null values are ignored
 */
public record RequestAnswer(String giverName, String wentWell, String couldBeBetter, String freeText,
                            Map<String, Level> ratings) {

    public RequestAnswer {
        ratings = withoutNulls(ratings);
    }

    /** An answer with only words, no ratings. */
    public static RequestAnswer of(String giverName, String wentWell, String couldBeBetter, String freeText) {
        return new RequestAnswer(giverName, wentWell, couldBeBetter, freeText, Map.of());
    }

    static Map<String, Level> withoutNulls(Map<String, Level> ratings) {
        Map<String, Level> copy = new LinkedHashMap<>();
        if (ratings != null) {
            ratings.forEach((skill, level) -> {
                if (skill != null && !skill.isBlank() && level != null) {
                    copy.put(skill, level);
                }
            });
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}

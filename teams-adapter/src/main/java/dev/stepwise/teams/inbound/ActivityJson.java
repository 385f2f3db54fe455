package dev.stepwise.teams.inbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.microsoft.bot.schema.Activity;
import java.util.Optional;

/**
 * Bot Framework JSON in and out, with the schema's Jackson 2 models (Boot's own Jackson 3 mapper doesn't know
 * their annotations).
 */
public final class ActivityJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ActivityJson() {
    }

    /** The activity in a request body with its raw channel data, or empty when it isn't an activity. */
    public static Optional<TeamsContext> parse(String body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
                return Optional.empty();
            }
            Activity activity = MAPPER.treeToValue(tree, Activity.class);
            return Optional.of(new TeamsContext(activity, tree.path("channelData")));
        } catch (JsonProcessingException | IllegalArgumentException unparseable) {
            return Optional.empty();
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Couldn't write JSON", impossible);
        }
    }
}

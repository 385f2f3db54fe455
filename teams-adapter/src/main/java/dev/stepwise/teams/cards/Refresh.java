package dev.stepwise.teams.cards;

import static dev.stepwise.teams.cards.Elements.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A card's {@code refresh}: when someone opens the card, Teams sends an {@code adaptiveCard/action} invoke with verb
 * {@value CardActions#VERB_REFRESH} and this data, and shows the card the bot answers with.
 *
 * @param data    sent back as the action's {@code data}; at most {@value #MAX_DATA_CHARS} chars of keys and values
 * @param userIds the users (Teams MRIs, e.g. {@code 29:1…}) for whom Teams refreshes automatically; blanks and
 *                duplicates are dropped and only the first {@value #MAX_USER_IDS} kept, as Teams allows no more.
 *                {@code null} leaves {@code userIds} out: Teams then refreshes for everyone in chats of up to 60
 *                people; an empty list means nobody is refreshed automatically (people can still refresh from the
 *                card's menu)
 */
public record Refresh(Map<String, String> data, List<String> userIds) {

    public static final int MAX_USER_IDS = CardLimits.REFRESH_USER_IDS;
    public static final int MAX_DATA_CHARS = 2_000;

    public Refresh {
        Map<String, String> copy = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "data key"), value == null ? "" : value));
        }
        int chars = copy.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
        if (chars > MAX_DATA_CHARS) {
            throw new IllegalArgumentException("refresh data must be at most " + MAX_DATA_CHARS + " chars, was " + chars);
        }
        data = Collections.unmodifiableMap(copy);
        if (userIds != null) {
            userIds = userIds.stream().filter(Objects::nonNull).map(String::strip).filter(id -> !id.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new))
                    .stream().limit(MAX_USER_IDS).toList();
        }
    }

    /** A refresh for these users (capped at {@value #MAX_USER_IDS}) with this data. */
    public static Refresh forUsers(List<String> userIds, Map<String, String> data) {
        return new Refresh(data, Objects.requireNonNull(userIds, "userIds"));
    }

    ObjectNode toJson() {
        ObjectNode refresh = JSON.objectNode();
        ObjectNode action = refresh.putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", CardActions.VERB_REFRESH);
        ObjectNode payload = action.putObject("data");
        data.forEach(payload::put);
        if (userIds != null) {
            ArrayNode ids = refresh.putArray("userIds");
            userIds.forEach(ids::add);
        }
        return refresh;
    }
}

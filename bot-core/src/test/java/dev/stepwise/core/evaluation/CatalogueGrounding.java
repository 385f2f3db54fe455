package dev.stepwise.core.evaluation;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.llm.ModelOutput;
import dev.stepwise.core.situations.SituationAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Whether what an answer shows stands in the organisation's catalogue, checked against the {@code catalogue_items} table
 * (not against what retrieval returned): each cited item by id with the same url, and each link anywhere in the text
 * by url. For a model's raw output also: the answer is the JSON asked for, and each cited number is one of the items
 * shown to it.
 */
final class CatalogueGrounding {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]*)[^)]*\\)");
    private static final Pattern BARE_LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s)\\]\"'>]+");

    /** What was wrong with one answer; grounded when nothing was. */
    record Verdict(int itemsNotInCatalogue, List<String> linksNotInCatalogue, int citationsOutOfRange, boolean unusable) {

        boolean grounded() {
            return !unusable && itemsNotInCatalogue == 0 && linksNotInCatalogue.isEmpty() && citationsOutOfRange == 0;
        }
    }

    private final Map<UUID, String> urlById = new HashMap<>();
    private final Set<String> urls = new HashSet<>();

    CatalogueGrounding(JdbcClient jdbc, UUID organisationId) {
        jdbc.sql("select id, url from catalogue_items where organisation_id = ?").param(organisationId)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("url"))).list()
                .forEach(row -> {
                    urlById.put(row.getKey(), row.getValue());
                    urls.add(row.getValue());
                });
    }

    /** An answer as people see it: its cited items, and any link in its steps. */
    Verdict shown(SituationAnswer answer) {
        int missing = (int) answer.items().stream().filter(cited -> !inCatalogue(cited.item())).count();
        return new Verdict(missing, foreignLinks(String.join("\n", answer.steps())), 0, false);
    }

    /** Suggested items (a gap's suggestions). */
    Verdict items(List<CatalogueItem> items) {
        return new Verdict((int) items.stream().filter(item -> !inCatalogue(item)).count(), List.of(), 0, false);
    }

    /**
     * A model's raw answer to the {@code situation-help} prompt, which showed it {@code shown} numbered items: unusable
     * when it isn't a JSON object with a guidance text; cited numbers outside 1..shown (or not numbers); links anywhere
     * in the raw text that aren't urls of the catalogue.
     */
    Verdict raw(String text, int shown) {
        Optional<JsonNode> json = ModelOutput.jsonObject(text);
        boolean unusable = json.isEmpty() || json.get().get("guidance") == null || !json.get().get("guidance").isString()
                || json.get().get("guidance").asString().isBlank();
        int outOfRange = 0;
        JsonNode cite = json.map(j -> j.get("cite")).orElse(null);
        if (cite != null && cite.isArray()) {
            for (JsonNode number : cite) {
                if (!number.isIntegralNumber() || number.asInt() < 1 || number.asInt() > shown) {
                    outOfRange++;
                }
            }
        }
        return new Verdict(0, foreignLinks(text), outOfRange, unusable);
    }

    private boolean inCatalogue(CatalogueItem item) {
        return item.url() != null && item.url().equals(urlById.get(item.id()));
    }

    private List<String> foreignLinks(String text) {
        List<String> found = new ArrayList<>();
        Matcher markdown = MARKDOWN_LINK.matcher(text);
        while (markdown.find()) {
            found.add(markdown.group(1));
        }
        Matcher bare = BARE_LINK.matcher(MARKDOWN_LINK.matcher(text).replaceAll(" "));
        while (bare.find()) {
            found.add(bare.group().replaceAll("[.,;:!?]+$", ""));
        }
        return found.stream().filter(url -> !urls.contains(url)).toList();
    }
}

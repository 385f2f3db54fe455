package dev.stepwise.core.situations;

import dev.stepwise.core.catalogue.CatalogueItem;
import java.util.List;

/**
 * The help given for a situation.
 *
 * @param steps   concrete guidance for right now, one step per entry (empty for the answer without an LLM)
 * @param items   up to three items of the organisation's own catalogue, each with a one-line reason
 * @param written true when an LLM wrote the steps
 */
public record SituationAnswer(List<String> steps, List<Cited> items, boolean written) {

    public record Cited(CatalogueItem item, String reason) {
    }

    public SituationAnswer {
        steps = List.copyOf(steps);
        items = List.copyOf(items);
    }
}

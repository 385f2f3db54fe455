package dev.stepwise.core.catalogue.search;

import dev.stepwise.core.catalogue.CatalogueItem;

/** One ranked catalogue item; {@code score} is comparable only within one result list. */
public record SearchHit(CatalogueItem item, double score) {
}

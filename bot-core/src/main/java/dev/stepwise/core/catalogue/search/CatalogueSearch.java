package dev.stepwise.core.catalogue.search;

import java.util.List;
import java.util.UUID;

/** Searches one organisation's catalogue; never returns another organisation's items. */
public interface CatalogueSearch {
    List<SearchHit> search(UUID organisationId, SearchQuery query);
}

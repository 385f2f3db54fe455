package dev.stepwise.core.recommendations;

import dev.stepwise.core.catalogue.CatalogueItem;
import dev.stepwise.core.people.Person;

/** One suggestion for a skill gap: a catalogue item or a mentor (exactly one of them), with a one-line reason. */
public record Recommendation(CatalogueItem item, Person mentor, String reason) {

    public static Recommendation of(CatalogueItem item, String reason) {
        return new Recommendation(item, null, reason);
    }

    public static Recommendation mentor(Person mentor, String reason) {
        return new Recommendation(null, mentor, reason);
    }
}

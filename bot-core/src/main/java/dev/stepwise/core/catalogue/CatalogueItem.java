package dev.stepwise.core.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * A learning or development opportunity from the organisation's own catalogue.
 *
 * @param type     course, article, video, practice, stretch-assignment, coaching or mentor
 * @param levelMin the lowest stage (1-5) it suits
 * @param levelMax the highest stage (1-5) it suits
 * @param skills   the keys of the skills it develops
 */
public record CatalogueItem(UUID id, String key, String title, String url, String description, String type,
                            int levelMin, int levelMax, Integer durationMinutes, String language, List<String> skills) {
    public CatalogueItem {
        skills = List.copyOf(skills);
    }
}

package dev.stepwise.core.catalogue.importing;

import dev.stepwise.core.competency.Skill;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation's skills by what an export may call them: their key or their name, without regard to case or
 * repeated spaces. A key wins over another skill's equal name.
 */
public final class SkillNames {

    private final Map<String, Skill> byKey = new HashMap<>();
    private final Map<String, Skill> byName = new HashMap<>();

    public SkillNames(List<Skill> skills) {
        for (Skill skill : skills) {
            byKey.put(normalise(skill.key()), skill);
            byName.putIfAbsent(normalise(skill.name()), skill);
        }
    }

    /** The skill {@code text} names by key or name, if the organisation has it. */
    public Optional<Skill> find(String text) {
        String word = normalise(text);
        Skill skill = byKey.get(word);
        return Optional.ofNullable(skill != null ? skill : byName.get(word));
    }

    /** Skill key → id, as {@code CatalogueStore} takes it. */
    Map<String, UUID> idsByKey() {
        Map<String, UUID> ids = new HashMap<>();
        byKey.values().forEach(s -> ids.put(s.key(), s.id()));
        return ids;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}

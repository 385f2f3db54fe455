package dev.stepwise.core.engine;

import dev.stepwise.core.competency.Skill;
import dev.stepwise.core.competency.Skills;
import dev.stepwise.core.conversation.Intent;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import dev.stepwise.core.text.Typos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The colleagues and skills a plain-language message names, found in the person's own organisation: a colleague by
 * full or first name in any case and with or without accents ("jonas", "Sofía"), a skill by its name or the last word
 * of it ("communication" for "Clear communication"). What is found is what the message says, so slots never hold a
 * name that isn't in it. Names are read at most once a minute per organisation.
 */
@Component
class Mentions {

    private static final Duration FRESH = Duration.ofMinutes(1);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}]+)*");
    /** First names that are also everyday words count only when typed with a capital. */
    private static final Set<String> EVERYDAY = Set.of("will", "may", "mark", "grace", "hope", "joy", "bill", "pat", "rose",
            "faith", "june", "april", "max", "art", "sue", "ray", "dawn", "sunny", "summer", "jack", "frank", "chance",
            "guy", "page", "major", "bob", "sam", "chase", "drew", "lane", "ben");

    private record Names(Instant readAt, List<Person> people, List<Skill> skills) {
    }

    private final People people;
    private final Skills skills;
    private final Clock clock;
    private final Map<UUID, Names> cache = new ConcurrentHashMap<>();

    Mentions(People people, Skills skills, Clock clock) {
        this.people = people;
        this.skills = skills;
        this.clock = clock;
    }

    /** The slots a message fills: each colleague it names (not the sender), and the skill it names. */
    Map<String, List<String>> in(UUID organisationId, UUID senderId, String text) {
        Names names = names(organisationId);
        Map<String, List<String>> slots = new LinkedHashMap<>();
        List<String> colleagues = colleagues(names.people(), senderId, text);
        if (!colleagues.isEmpty()) {
            slots.put(Intent.PERSON, colleagues);
        }
        String skill = skill(names.skills(), text);
        if (skill != null) {
            slots.put(Intent.SKILL, List.of(skill));
        }
        return slots;
    }

    List<Skill> skills(UUID organisationId) {
        return names(organisationId).skills();
    }

    private Names names(UUID organisationId) {
        Instant now = clock.instant();
        Names known = cache.get(organisationId);
        if (known == null || known.readAt().plus(FRESH).isBefore(now) || known.readAt().isAfter(now)) {
            known = new Names(now, people.list(organisationId), skills.list(organisationId));
            cache.put(organisationId, known);
        }
        return known;
    }

    private static List<String> colleagues(List<Person> everyone, UUID senderId, String text) {
        List<String> words = new ArrayList<>();
        List<Boolean> capitalised = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group().replaceFirst("['’]s$", "");
            words.add(Typos.fold(word));
            capitalised.add(Character.isUpperCase(word.codePointAt(0)));
        }
        String joined = " " + String.join(" ", words) + " ";
        List<String> found = new ArrayList<>();
        for (Person person : everyone) {
            if (person.id().equals(senderId)) {
                continue;
            }
            String full = Typos.fold(person.name()).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            if (joined.contains(" " + full + " ")) {
                found.add(person.name());
                continue;
            }
            String first = Typos.fold(person.firstName());
            int at = words.indexOf(first);
            if (at >= 0 && (!EVERYDAY.contains(first) || capitalised.get(at))) {
                if (!found.contains(person.firstName())) {
                    found.add(person.firstName());
                }
            }
        }
        // In the order the message names them.
        found.sort((a, b) -> Integer.compare(joined.indexOf(" " + Typos.fold(a).split(" ")[0] + " "),
                joined.indexOf(" " + Typos.fold(b).split(" ")[0] + " ")));
        return found;
    }

    private static String skill(List<Skill> known, String text) {
        String folded = " " + Typos.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (Skill skill : known) {
            if (folded.contains(" " + Typos.fold(skill.name()).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ")) {
                return skill.name();
            }
        }
        for (Skill skill : known) {
            String[] words = Typos.fold(skill.name()).split("[^\\p{L}\\p{N}]+");
            String head = words[words.length - 1];
            if (words.length > 1 && head.length() >= 5 && folded.contains(" " + head + " ")) {
                return skill.name();
            }
        }
        return null;
    }
}

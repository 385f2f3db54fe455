package dev.stepwise.core.engine;

import dev.stepwise.core.conversation.Capability;
import dev.stepwise.core.conversation.IntentDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every registered {@link Capability}'s intents, and the engine's own ({@code cancel}; {@code none}, which only
 * teaches the classifier what isn't a request), by name. Two capabilities claiming one name is a start-up error.
 */
@Component
public class Capabilities {

    private final Map<String, Capability> owners = new LinkedHashMap<>();
    private final Map<String, IntentDefinition> definitions = new LinkedHashMap<>();

    public Capabilities(List<Capability> capabilities) {
        for (IntentDefinition own : EngineIntents.definitions()) {
            definitions.put(own.name(), own);
        }
        for (Capability capability : capabilities) {
            for (IntentDefinition definition : capability.intents()) {
                if (definitions.putIfAbsent(definition.name(), definition) != null) {
                    throw new IllegalStateException("Two capabilities answer the intent " + definition.name());
                }
                owners.put(definition.name(), capability);
            }
        }
    }

    /** The capability that answers the intent; empty for the engine's own. */
    public Optional<Capability> owner(String intent) {
        return Optional.ofNullable(owners.get(intent));
    }

    public Optional<IntentDefinition> definition(String intent) {
        return Optional.ofNullable(definitions.get(intent));
    }

    /** Every intent a person can ask for (not {@code none}), in registration order. */
    public List<IntentDefinition> intents() {
        return definitions.values().stream().filter(d -> !d.name().equals(Understanding.NONE)).toList();
    }

    /** Everything with a help line, in the order of their ranks. */
    public List<IntentDefinition> helpLines() {
        List<IntentDefinition> listed = new ArrayList<>(definitions.values().stream().filter(d -> d.help() != null).toList());
        listed.sort(Comparator.comparingInt(IntentDefinition::rank));
        return listed;
    }

    List<IntentDefinition> all() {
        return List.copyOf(definitions.values());
    }
}

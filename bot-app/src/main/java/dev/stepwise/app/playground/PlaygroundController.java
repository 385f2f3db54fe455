package dev.stepwise.app.playground;

import dev.stepwise.app.playground.PlaygroundConversations.Entry;
import dev.stepwise.app.playground.PlaygroundConversations.From;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.organisation.Organisation;
import dev.stepwise.core.organisation.Organisations;
import dev.stepwise.core.people.People;
import dev.stepwise.core.people.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The playground's JSON API: act as any person of the playground organisation (send a message, press a button,
 * submit a form) and read anyone's conversation. The page uses nothing else, so scripts and tests can drive the
 * whole product the way the page does.
 */
@ConditionalOnPlayground
@RestController
@RequestMapping("/api/playground")
class PlaygroundController {

    static final String CHANNEL = "playground";
    static final int MAX_MESSAGE_LENGTH = 10_000;

    record MessageRequest(String text) {
    }

    record ActionRequest(String actionId, String value, String label) {
    }

    record FormRequest(String formId, Map<String, String> values) {
    }

    private final ConversationEngine engine;
    private final PlaygroundConversations conversations;
    private final Organisations organisations;
    private final People people;
    private final PlaygroundProperties properties;

    PlaygroundController(ConversationEngine engine, PlaygroundConversations conversations, Organisations organisations,
                         People people, PlaygroundProperties properties) {
        this.engine = engine;
        this.conversations = conversations;
        this.organisations = organisations;
        this.people = people;
        this.properties = properties;
    }

    @GetMapping("/people")
    List<Map<String, Object>> people() {
        return people.list(organisation().id()).stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", p.id());
            json.put("key", p.key());
            json.put("name", p.name());
            json.put("email", p.email());
            json.put("role", p.roleName());
            json.put("team", p.teamName());
            json.put("timezone", p.timezone());
            return json;
        }).toList();
    }

    @GetMapping("/people/{personId}/conversation")
    Map<String, Object> conversation(@PathVariable String personId, @RequestParam(defaultValue = "0") long after) {
        Person person = person(personId);
        return Map.of("personId", person.id(), "entries", json(conversations.after(person.id(), after)));
    }

    @PostMapping("/people/{personId}/messages")
    Map<String, Object> message(@PathVariable String personId, @RequestBody MessageRequest request,
                                @RequestHeader(name = "Idempotency-Key", required = false) String eventId) {
        Person person = person(personId);
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            throw new PlaygroundProblem(HttpStatus.BAD_REQUEST, "Type a message first.");
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw new PlaygroundProblem(HttpStatus.BAD_REQUEST,
                    "That message is %,d characters; messages are limited to %,d.".formatted(text.length(), MAX_MESSAGE_LENGTH));
        }
        return handle(person, new Input.Message(text), Block.text(text), eventId);
    }

    @PostMapping("/people/{personId}/actions")
    Map<String, Object> action(@PathVariable String personId, @RequestBody ActionRequest request,
                               @RequestHeader(name = "Idempotency-Key", required = false) String eventId) {
        Person person = person(personId);
        if (request.actionId() == null || request.actionId().isBlank()) {
            throw new PlaygroundProblem(HttpStatus.BAD_REQUEST, "Which button? The request has no actionId.");
        }
        String label = request.label() == null || request.label().isBlank() ? "(pressed a button)" : request.label();
        return handle(person, new Input.ButtonPressed(request.actionId(), request.value() == null ? "" : request.value()),
                Block.text("\u25B8 " + label), eventId);
    }

    @PostMapping("/people/{personId}/forms")
    Map<String, Object> form(@PathVariable String personId, @RequestBody FormRequest request,
                             @RequestHeader(name = "Idempotency-Key", required = false) String eventId) {
        Person person = person(personId);
        if (request.formId() == null || request.formId().isBlank()) {
            throw new PlaygroundProblem(HttpStatus.BAD_REQUEST, "Which form? The request has no formId.");
        }
        Map<String, String> values = request.values() == null ? Map.of() : request.values();
        if (values.values().stream().anyMatch(v -> v != null && v.length() > MAX_MESSAGE_LENGTH)) {
            throw new PlaygroundProblem(HttpStatus.BAD_REQUEST,
                    "A field is longer than %,d characters; please shorten it.".formatted(MAX_MESSAGE_LENGTH));
        }
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((name, value) -> clean.put(name, value == null ? "" : value));
        return handle(person, new Input.FormSubmitted(request.formId(), clean), Block.text("\u25B8 Sent the form"), eventId);
    }

    private Map<String, Object> handle(Person person, Input input, Block echo, String eventId) {
        long before = conversations.after(person.id(), 0).stream().mapToLong(Entry::seq).max().orElse(0);
        conversations.append(person.id(), From.PERSON, List.of(echo));
        String id = eventId == null || eventId.isBlank() ? UUID.randomUUID().toString() : eventId;
        List<Outbound> replies = engine.handle(new Inbound(id, CHANNEL, person.organisationId(), person.id(),
                CHANNEL + ":" + person.id(), input));
        replies.forEach(reply -> conversations.append(person.id(), From.BOT, reply.blocks()));
        return Map.of("entries", json(conversations.after(person.id(), before)));
    }

    private Organisation organisation() {
        return organisations.findByKey(properties.organisation()).orElseThrow(() -> new PlaygroundProblem(
                HttpStatus.SERVICE_UNAVAILABLE, "The playground organisation '%s' isn't loaded. Run with the embedded "
                        .formatted(properties.organisation()) + "defaults, or set stepwise.demo.enabled=true."));
    }

    private Person person(String personId) {
        UUID id;
        try {
            id = UUID.fromString(personId);
        } catch (IllegalArgumentException notAnId) {
            throw new PlaygroundProblem(HttpStatus.NOT_FOUND, "There's no one with that id in the playground.");
        }
        return people.find(organisation().id(), id).orElseThrow(() ->
                new PlaygroundProblem(HttpStatus.NOT_FOUND, "There's no one with that id in the playground."));
    }

    private static List<Map<String, Object>> json(List<Entry> entries) {
        return entries.stream().map(e -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("seq", e.seq());
            json.put("from", e.from() == From.PERSON ? "person" : "bot");
            json.put("at", e.at().toString());
            json.put("blocks", BlockJson.of(e.blocks()));
            return json;
        }).toList();
    }
}

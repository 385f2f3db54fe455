package dev.stepwise.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.engine.ConversationEngine;
import dev.stepwise.core.conversation.Inbound;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.core.conversation.PlainText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The in-memory test channel with a fluent tester: talk to the real engine as a person, press buttons and
 * submit forms by their labels, and check what came back or what reached someone else.
 * <pre>
 * tester.as("priya").says("give feedback to ben").expectReply("Which of Ben's objectives").press("Ship onboarding v2");
 * </pre>
 */
public final class ConversationTester {

    private final TestOrganisation organisation;
    private final ConversationEngine engine;
    private final RecordingMessenger messenger;
    private final String channel;

    public ConversationTester(TestOrganisation organisation) {
        this(organisation, "test");
    }

    public ConversationTester(TestOrganisation organisation, String channel) {
        this(organisation, CoreTestContext.bean(ConversationEngine.class), channel);
    }

    /** Talks to {@code engine}, e.g. one wired with an LLM stand-in, instead of the shared one. */
    public ConversationTester(TestOrganisation organisation, ConversationEngine engine, String channel) {
        this.organisation = organisation;
        this.engine = engine;
        this.messenger = CoreTestContext.bean(RecordingMessenger.class);
        this.channel = channel;
    }

    public Chat as(String personKey) {
        return new Chat(organisation.personId(personKey));
    }

    /** Everything sent to a person outside their own conversation, oldest first, as plain text. */
    public List<String> inboxOf(String personKey) {
        return messenger.inbox(organisation.personId(personKey)).stream().map(PlainText::of).toList();
    }

    public final class Chat {

        private final UUID personId;
        private final List<List<Block>> history = new ArrayList<>();
        private List<Outbound> last = List.of();

        private Chat(UUID personId) {
            this.personId = personId;
        }

        public Chat says(String text) {
            return send(new Input.Message(text), UUID.randomUUID().toString());
        }

        /** Sends with a given event id, as a platform retry would. */
        public Chat sendsEvent(String eventId, String text) {
            return send(new Input.Message(text), eventId);
        }

        /** Presses the button with this label in the latest reply that has one. */
        public Chat press(String label) {
            Block.Choice choice = findChoice(label, true);
            return send(new Input.ButtonPressed(choice.actionId(), choice.value()), UUID.randomUUID().toString());
        }

        /** Presses a button with this label from any earlier reply, as someone scrolling up would. */
        public Chat pressEarlier(String label) {
            Block.Choice choice = findChoice(label, false);
            return send(new Input.ButtonPressed(choice.actionId(), choice.value()), UUID.randomUUID().toString());
        }

        /** Presses the button with this label in the newest message the bot sent this person outside their chat (a request in their DM). */
        public Chat pressInInbox(String label) {
            List<List<Block>> inbox = messenger.inbox(personId);
            for (int i = inbox.size() - 1; i >= 0; i--) {
                Optional<Block.Choice> choice = inbox.get(i).stream().filter(Block.Choices.class::isInstance)
                        .flatMap(b -> ((Block.Choices) b).choices().stream()).filter(c -> Objects.equals(c.label(), label)).findFirst();
                if (choice.isPresent()) {
                    return send(new Input.ButtonPressed(choice.get().actionId(), choice.get().value()), UUID.randomUUID().toString());
                }
            }
            return fail("No button '" + label + "' in the inbox");
        }

        /** Submits the latest form, with its prefilled values overridden by {@code values}. */
        public Chat submit(Map<String, String> values) {
            Block.Form form = lastForm();
            Map<String, String> all = new HashMap<>();
            form.fields().forEach(f -> all.put(f.name(), f.value() == null ? "" : f.value()));
            all.putAll(values);
            return send(new Input.FormSubmitted(form.formId(), all), UUID.randomUUID().toString());
        }

        public Chat send(Input input, String eventId) {
            last = engine.handle(new Inbound(eventId, channel, organisation.id(), personId, "dm-" + personId, input));
            last.forEach(o -> history.add(o.blocks()));
            return this;
        }

        public Chat expectReply(String... fragments) {
            String text = lastText();
            for (String fragment : fragments) {
                assertThat(text).as("the bot's last reply").contains(fragment);
            }
            return this;
        }

        public Chat expectNoReply() {
            assertThat(last).as("replies").isEmpty();
            return this;
        }

        public String lastText() {
            return PlainText.of(last.stream().flatMap(o -> o.blocks().stream()).toList());
        }

        public List<Block> lastBlocks() {
            return last.stream().flatMap(o -> o.blocks().stream()).toList();
        }

        public Block.Form lastForm() {
            return lastBlocks().stream().filter(Block.Form.class::isInstance).map(Block.Form.class::cast)
                    .reduce((first, second) -> second)
                    .orElseGet(() -> fail("The last reply has no form: " + lastText()));
        }

        public List<String> choiceLabels() {
            return lastBlocks().stream().filter(Block.Choices.class::isInstance)
                    .flatMap(b -> ((Block.Choices) b).choices().stream()).map(Block.Choice::label).toList();
        }

        private Block.Choice findChoice(String label, boolean latestOnly) {
            List<List<Block>> searched = latestOnly ? List.of(lastBlocks()) : history;
            return searched.stream().flatMap(List::stream)
                    .filter(Block.Choices.class::isInstance)
                    .flatMap(b -> ((Block.Choices) b).choices().stream())
                    .filter(c -> Objects.equals(c.label(), label))
                    .findFirst()
                    .orElseGet(() -> fail("No button '" + label + "' in " + (latestOnly ? lastText() : "the conversation")));
        }
    }
}

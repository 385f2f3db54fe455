package dev.stepwise.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Input;
import dev.stepwise.core.conversation.Outbound;
import dev.stepwise.slack.blockkit.ActionIds;
import dev.stepwise.slack.blockkit.BlockKitRenderer;
import dev.stepwise.slack.blockkit.FormValues;
import dev.stepwise.slack.outbound.PendingForms;
import dev.stepwise.slack.outbound.SlackHome;
import dev.stepwise.slack.outbound.SlackReplies;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Slack surface, registered on the Bolt app: DMs, mentions, the slash command, buttons and selects,
 * shortcuts, modal submissions and App Home. Each listener acknowledges at once and leaves the work to
 * {@code workers}; only a modal submission is answered inline, because Slack shows its validation errors from
 * the acknowledgement.
 */
public class SlackListeners {

    static final String GIVE_FEEDBACK_ON_MESSAGE = "give_feedback_on_message";
    static final String REQUEST_FEEDBACK = "request_feedback";

    /**
     * The worker pool's answer when its queue is full: an exception without a stack trace. The pool's default walks
     * the request thread's stack and formats the pool's state, for every refused event.
     */
    public static final RejectedExecutionHandler QUEUE_FULL = (work, pool) -> {
        throw new QueueFull();
    };

    private static final Logger log = LoggerFactory.getLogger(SlackListeners.class);
    private static final long DROP_REPORT_EVERY = TimeUnit.SECONDS.toNanos(10);

    private final SlackTurns turns;
    private final SlackReplies replies;
    private final SlackHome home;
    private final PendingForms forms;
    private final BlockKitRenderer renderer;
    private final Executor workers;
    private final String command;
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong nextDropReport = new AtomicLong(System.nanoTime());

    public SlackListeners(SlackTurns turns, SlackReplies replies, SlackHome home, PendingForms forms,
                          BlockKitRenderer renderer, Executor workers, String command) {
        this.turns = turns;
        this.replies = replies;
        this.home = home;
        this.forms = forms;
        this.renderer = renderer;
        this.workers = workers;
        this.command = command;
    }

    public void register(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            boolean taken = true;
            MessageEvent event = payload.getEvent();
            if ("im".equals(event.getChannelType()) && event.getBotId() == null && event.getUser() != null) {
                SlackTurns.Actor actor = actor(ctx, payload.getEnterpriseId(), payload.getTeamId(), event.getUser());
                SlackConversation conversation = SlackConversation.inChannel(event.getChannel(), event.getThreadTs());
                taken = later(() -> turns.run(actor, payload.getEventId(), conversation, null,
                        known -> new Input.Message(turns.plainText(actor, known, event.getText()))));
            }
            return taken ? ctx.ack() : busy();
        });

        app.event(AppMentionEvent.class, (payload, ctx) -> {
            boolean taken = true;
            AppMentionEvent event = payload.getEvent();
            if (event.getBotId() == null && event.getUser() != null) {
                SlackTurns.Actor actor = actor(ctx, payload.getEnterpriseId(), payload.getTeamId(), event.getUser());
                String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
                // In a shared channel the answer is for the asker's eyes only: it may hold their feedback.
                SlackConversation conversation = SlackConversation.inChannel(event.getChannel(), thread).privatelyTo(event.getUser());
                String text = SlackText.withoutMentionOf(ctx.getBotUserId(), event.getText());
                taken = later(() -> turns.run(actor, payload.getEventId(), conversation, null,
                        known -> new Input.Message(turns.plainText(actor, known, text))));
            }
            return taken ? ctx.ack() : busy();
        });

        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            boolean taken = true;
            AppHomeOpenedEvent event = payload.getEvent();
            if ("home".equals(event.getTab())) {
                SlackTurns.Actor actor = actor(ctx, payload.getEnterpriseId(), payload.getTeamId(), event.getUser());
                taken = later(() -> home.opened(actor.token(), actor.enterpriseId(), actor.teamId(), event.getUser(), payload.getEventId()));
            }
            return taken ? ctx.ack() : busy();
        });

        app.command(command, (request, ctx) -> {
            var payload = request.getPayload();
            SlackTurns.Actor actor = actor(ctx, payload.getEnterpriseId(), payload.getTeamId(), payload.getUserId());
            SlackConversation conversation = SlackConversation.inChannel(payload.getChannelId(), null)
                    .privatelyTo(payload.getUserId()).withResponseUrl(payload.getResponseUrl());
            String text = payload.getText() == null || payload.getText().isBlank() ? "help" : payload.getText();
            return later(() -> turns.run(actor, "command:" + payload.getTriggerId(), conversation, payload.getTriggerId(),
                    known -> new Input.Command(command.replace("/", ""), turns.plainText(actor, known, text)))) ? ctx.ack() : busy();
        });

        app.blockAction(Pattern.compile(".*"), (request, ctx) -> {
            BlockActionPayload payload = request.getPayload();
            if (payload.getActions() == null || payload.getActions().isEmpty()) {
                return ctx.ack();
            }
            BlockActionPayload.Action action = payload.getActions().getFirst();
            SlackTurns.Actor actor = actor(ctx, payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
                    payload.getTeam() == null ? null : payload.getTeam().getId(), payload.getUser().getId());
            return later(() -> pressed(actor, payload, action)) ? ctx.ack() : busy();
        });

        app.viewSubmission(Pattern.compile(".*"), (request, ctx) -> {
            var payload = request.getPayload();
            View view = payload.getView();
            SlackTurns.Actor actor = actor(ctx, payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
                    payload.getTeam() == null ? null : payload.getTeam().getId(), payload.getUser().getId());
            return submitted(actor, view, ctx);
        });

        app.viewClosed(Pattern.compile(".*"), (request, ctx) -> ctx.ack());

        app.messageShortcut(GIVE_FEEDBACK_ON_MESSAGE, (request, ctx) -> {
            var payload = request.getPayload();
            SlackTurns.Actor actor = actor(ctx, payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
                    payload.getTeam() == null ? null : payload.getTeam().getId(), payload.getUser().getId());
            return later(() -> feedbackOnMessage(actor, payload.getTriggerId(), payload.getChannel().getId(),
                    payload.getMessage().getUser(), payload.getMessage().getText(), payload.getMessageTs())) ? ctx.ack() : busy();
        });

        app.globalShortcut(REQUEST_FEEDBACK, (request, ctx) -> {
            var payload = request.getPayload();
            SlackTurns.Actor actor = actor(ctx, payload.getEnterprise() == null ? null : payload.getEnterprise().getId(),
                    payload.getTeam() == null ? null : payload.getTeam().getId(), payload.getUser().getId());
            SlackConversation conversation = SlackConversation.inModal("shortcut:" + payload.getTriggerId());
            return later(() -> turns.run(actor, "shortcut:" + payload.getTriggerId(), conversation, payload.getTriggerId(),
                    known -> new Input.Command(command.replace("/", ""), "request feedback"))) ? ctx.ack() : busy();
        });

        app.blockSuggestion(Pattern.compile(".*"), (request, ctx) -> ctx.ack(r -> r.options(List.of())));
    }

    private void pressed(SlackTurns.Actor actor, BlockActionPayload payload, BlockActionPayload.Action action) {
        String actionId = ActionIds.decode(action.getActionId());
        String value = action.getValue() != null ? action.getValue()
                : action.getSelectedOption() != null ? action.getSelectedOption().getValue() : "";
        SlackConversation conversation = conversationOf(actor, payload);
        if (BlockKitRenderer.OPEN_FORM_ACTION_ID.equals(actionId)) {
            Optional<Block.Form> form = forms.find(actor.userId(), value);
            replies.deliver(actor.token(), actor.userId(), conversation, List.of(form
                    .map(Outbound::reply)
                    .orElseGet(() -> Outbound.reply(Block.text(
                            "That form has expired, so nothing was sent. Start again whenever you like.")))), payload.getTriggerId());
            return;
        }
        turns.run(actor, "action:" + payload.getTriggerId(), conversation, payload.getTriggerId(),
                known -> new Input.ButtonPressed(actionId, value));
    }

    private SlackConversation conversationOf(SlackTurns.Actor actor, BlockActionPayload payload) {
        View view = payload.getView();
        if (view != null && "home".equals(view.getType())) {
            return replies.directConversation(actor.token(), actor.userId());
        }
        if (view != null) {
            return metadataOf(view).orElseGet(() -> SlackConversation.inModal("view:" + view.getId())).inView(view.getId());
        }
        BlockActionPayload.Container container = payload.getContainer();
        String channel = container != null && container.getChannelId() != null ? container.getChannelId()
                : payload.getChannel() == null ? null : payload.getChannel().getId();
        String thread = container == null ? null : container.getThreadTs();
        if (thread == null && payload.getMessage() != null) {
            thread = payload.getMessage().getThreadTs();
        }
        SlackConversation conversation = SlackConversation.inChannel(channel, thread);
        if (container != null && container.isEphemeral()) {
            conversation = conversation.privatelyTo(actor.userId()).withResponseUrl(payload.getResponseUrl());
        }
        return conversation;
    }

    private Response submitted(SlackTurns.Actor actor, View view, com.slack.api.bolt.context.builtin.ViewSubmissionContext ctx) {
        SlackConversation conversation = metadataOf(view).orElseGet(() -> SlackConversation.inModal("view:" + view.getId()));
        Map<String, String> values = FormValues.from(view.getState());
        List<Block> why = new java.util.ArrayList<>();
        Optional<SlackTurns.Known> known = turns.identify(actor, why::add);
        if (known.isEmpty()) {
            return ctx.ackWithUpdate(replies.panel(why, conversation));
        }
        List<Outbound> answers = turns.answer("view:" + view.getId() + ":" + view.getHash(), known.get(), conversation,
                new Input.FormSubmitted(view.getCallbackId(), values));
        List<Block> blocks = answers.stream().flatMap(a -> a.blocks().stream()).toList();
        Optional<Block.Form> form = blocks.stream().filter(Block.Form.class::isInstance).map(Block.Form.class::cast).findFirst();
        if (form.isPresent() && form.get().formId().equals(view.getCallbackId()) && !renderer.errors(form.get()).isEmpty()) {
            return ctx.ackWithErrors(renderer.errors(form.get()));
        }
        if (form.isPresent()) {
            return ctx.ackWithUpdate(renderer.modal(form.get(), conversation.toMetadata()));
        }
        if (!conversation.hasChannel() || !later(() -> replies.deliver(actor.token(), actor.userId(), conversation, answers, null))) {
            // In the modal itself when there's no chat to answer in, or no worker free to post there.
            return ctx.ackWithUpdate(replies.panel(blocks, conversation));
        }
        return ctx.ack();
    }

    private void feedbackOnMessage(SlackTurns.Actor actor, String triggerId, String channelId, String authorUserId,
                                   String text, String messageTs) {
        SlackConversation conversation = SlackConversation.inModal("shortcut:" + triggerId);
        turns.identify(actor, conversation, triggerId).ifPresent(known -> {
            Optional<dev.stepwise.core.people.Person> author = authorUserId == null ? Optional.empty()
                    : turns.personFor(actor, known, authorUserId);
            if (author.isEmpty()) {
                replies.deliver(actor.token(), actor.userId(), conversation, List.of(Outbound.reply(Block.text(
                        "I can only pass feedback to colleagues I know, and I don't know who wrote that message "
                                + "(it may be from an app, or from someone not in Stepwise yet)."))), triggerId);
                return;
            }
            String link = replies.permalink(actor.token(), channelId, messageTs).orElse(null);
            List<Outbound> answers = turns.answer("shortcut:" + triggerId, known, conversation,
                    new Input.FeedbackOnMessage(author.get().id(), turns.plainText(actor, known, text), link));
            replies.deliver(actor.token(), actor.userId(), conversation, answers, triggerId);
        });
    }

    private static Optional<SlackConversation> metadataOf(View view) {
        String metadata = view.getPrivateMetadata();
        if (metadata == null || metadata.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SlackConversation.fromMetadata(metadata));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** The actor from the payload's own workspace ids (in single-workspace mode Bolt's context has the token's team). */
    private static SlackTurns.Actor actor(Context ctx, String enterpriseId, String teamId, String userId) {
        return new SlackTurns.Actor(ctx.getBotToken(), enterpriseId != null ? enterpriseId : ctx.getEnterpriseId(),
                teamId != null ? teamId : ctx.getTeamId(), userId);
    }

    /**
     * When the work queue is full, Slack is told to try again (503) rather than acknowledged and let down: it retries
     * events, and shows the person that an interaction didn't go through. Nothing is half-done either way.
     */
    private static Response busy() {
        return Response.builder().statusCode(503).contentType(Response.CONTENT_TYPE_APPLICATION_JSON)
                .headers(Map.of("Retry-After", List.of("1")))
                .body("{\"error\":\"Stepwise is very busy right now; please try again in a moment.\"}").build();
    }

    /** Hands the work to the pool; false when the pool is full and the work was not taken. */
    private boolean later(Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException failure) {
                    log.error("Slack work failed after its acknowledgement", failure);
                }
            });
            return true;
        } catch (RejectedExecutionException busy) {
            // On the request thread, when the machine is busiest: count, and say so at most every 10 seconds.
            dropped.increment();
            long due = nextDropReport.get();
            if (System.nanoTime() - due >= 0 && nextDropReport.compareAndSet(due, System.nanoTime() + DROP_REPORT_EVERY)) {
                log.error("Too much Slack work queued: asked Slack to retry {} request(s) later", dropped.sumThenReset());
            }
            return false;
        }
    }

    private static final class QueueFull extends RejectedExecutionException {

        QueueFull() {
            super("The Slack work queue is full");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}

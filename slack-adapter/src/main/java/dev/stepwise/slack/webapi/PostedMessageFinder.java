package dev.stepwise.slack.webapi;

import com.slack.api.methods.Methods;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Finds a message this app posted by the id in its metadata ({@code event_type} {@value #EVENT_TYPE},
 * {@code event_payload.id}), in {@code conversations.history} or, for a thread reply, {@code conversations.replies},
 * looking back from shortly before the first attempt.
 */
final class PostedMessageFinder {

    static final String EVENT_TYPE = "stepwise_message";
    static final String ID_FIELD = "id";

    /** Allowance for the difference between this machine's clock and Slack's message timestamps. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int PAGE_SIZE = 15;
    private static final int MAX_PAGES = 3;

    private final CallRunner runner;

    PostedMessageFinder(CallRunner runner) {
        this.runner = runner;
    }

    static Message.Metadata metadata(String id) {
        return new Message.Metadata(EVENT_TYPE, Map.of(ID_FIELD, id));
    }

    CallRunner.Delivery<ChatPostMessageResponse> find(String token, String channel, String threadTs, String id,
                                                      Instant firstAttempt, long deadline) {
        String oldest = slackTs(firstAttempt.minus(CLOCK_SKEW));
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                Page found = threadTs == null
                        ? history(token, channel, oldest, cursor, deadline)
                        : replies(token, channel, threadTs, oldest, cursor, deadline);
                for (Message message : found.messages()) {
                    if (carriesId(message, id)) {
                        return CallRunner.Delivery.found(asPostResponse(channel, message));
                    }
                }
                if (!found.hasMore()) {
                    return CallRunner.Delivery.notFound();
                }
                if (found.nextCursor() == null || found.nextCursor().isBlank()) {
                    return CallRunner.Delivery.unknown();
                }
                cursor = found.nextCursor();
            }
            return CallRunner.Delivery.unknown();
        } catch (SlackCallFailed e) {
            return CallRunner.Delivery.unknown();
        }
    }

    private record Page(List<Message> messages, boolean hasMore, String nextCursor) {

        static Page of(List<Message> messages, boolean hasMore, ResponseMetadata metadata) {
            return new Page(messages == null ? List.of() : messages, hasMore,
                    metadata == null ? null : metadata.getNextCursor());
        }
    }

    private Page history(String token, String channel, String oldest, String cursor, long deadline) {
        ConversationsHistoryResponse response = runner.run(new CallRunner.Call<>(
                Methods.CONVERSATIONS_HISTORY, token, null, RetryMode.IDEMPOTENT,
                client -> client.conversationsHistory(r -> r.channel(channel).oldest(oldest).cursor(cursor)
                        .limit(PAGE_SIZE).includeAllMetadata(true)),
                null), deadline);
        return Page.of(response.getMessages(), response.isHasMore(), response.getResponseMetadata());
    }

    private Page replies(String token, String channel, String threadTs, String oldest, String cursor,
                         long deadline) {
        ConversationsRepliesResponse response = runner.run(new CallRunner.Call<>(
                Methods.CONVERSATIONS_REPLIES, token, null, RetryMode.IDEMPOTENT,
                client -> client.conversationsReplies(r -> r.channel(channel).ts(threadTs).oldest(oldest)
                        .cursor(cursor).limit(PAGE_SIZE).includeAllMetadata(true)),
                null), deadline);
        return Page.of(response.getMessages(), response.isHasMore(), response.getResponseMetadata());
    }

    private static boolean carriesId(Message message, String id) {
        Message.Metadata metadata = message.getMetadata();
        return metadata != null
                && EVENT_TYPE.equals(metadata.getEventType())
                && metadata.getEventPayload() != null
                && id.equals(String.valueOf(metadata.getEventPayload().get(ID_FIELD)));
    }

    private static ChatPostMessageResponse asPostResponse(String channel, Message message) {
        ChatPostMessageResponse response = new ChatPostMessageResponse();
        response.setOk(true);
        response.setChannel(channel);
        response.setTs(message.getTs());
        response.setMessage(message);
        return response;
    }

    /** A Slack timestamp ("seconds.micros") for {@code instant}. */
    static String slackTs(Instant instant) {
        return String.format("%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
    }
}

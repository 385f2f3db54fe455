package dev.stepwise.core.conversation;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Where a person is in a multi-step flow. Short-lived (kept in Redis with a TTL); nothing a user would
 * miss lives only here.
 *
 * @param flow  the flow that owns the conversation
 * @param step  the step the flow is waiting on
 * @param nonce changes on every step; buttons and forms carry it so a press on an old message is recognised
 * @param data  what the flow collected so far
 */
public record ConversationState(String flow, String step, String nonce, Map<String, String> data) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ConversationState {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(nonce, "nonce");
        data = Map.copyOf(data);
    }

    public static ConversationState start(String flow, String step) {
        return new ConversationState(flow, step, newNonce(), Map.of());
    }

    /** The next step, with a fresh nonce so that buttons of the previous step become stale. */
    public ConversationState next(String nextStep, Map<String, String> moreData) {
        Map<String, String> merged = new HashMap<>(data);
        moreData.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new ConversationState(flow, nextStep, newNonce(), merged);
    }

    public String get(String key) {
        return data.get(key);
    }

    /** An action id that stays valid whatever the conversation does next (see {@link Flow#onStandingAction}). */
    public static String standing(String flow, String name) {
        return flow + "." + name;
    }

    /** An action or form id bound to this step: {@code flow.name@nonce}. */
    public String bind(String name) {
        return flow + "." + name + "@" + nonce;
    }

    private static String newNonce() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package dev.stepwise.core.conversation;

/**
 * An action or form id as flows write them: {@code flow.name@nonce} (see {@link ConversationState#bind}).
 * Ids without a nonce are accepted too: they target a flow but are not tied to a step.
 */
public record BoundId(String flow, String name, String nonce) {

    public static BoundId parse(String id) {
        if (id == null || id.isBlank()) {
            return new BoundId("", "", null);
        }
        int at = id.indexOf('@');
        String target = at < 0 ? id : id.substring(0, at);
        String nonce = at < 0 ? null : id.substring(at + 1);
        int dot = target.indexOf('.');
        return dot < 0
                ? new BoundId(target, "", nonce)
                : new BoundId(target.substring(0, dot), target.substring(dot + 1), nonce);
    }
}

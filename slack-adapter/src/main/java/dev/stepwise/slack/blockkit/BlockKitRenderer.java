package dev.stepwise.slack.blockkit;

import com.slack.api.model.view.View;
import dev.stepwise.core.conversation.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the core's neutral blocks as Slack Block Kit within every Block Kit limit: messages, modals and the Home
 * tab. Stateless and thread-safe. Text that is too long is split or shortened with "…", but a choice's label is never
 * cut: one too long for a button is shown whole as a section's text beside a "Choose" button; ids and values that
 * must come back intact are refused with {@link IllegalArgumentException} when Slack could not carry them.
 */
public final class BlockKitRenderer {

    /** The {@code action_id} of the button that opens a form shown in a message; its {@code value} is the form id. */
    public static final String OPEN_FORM_ACTION_ID = "stepwise.open-form";

    /**
     * The blocks as one or more messages of at most 50 blocks each, in order; no content is dropped. Choice buttons
     * carry {@link ActionIds#encode encoded} action ids. Empty when there is nothing to show.
     */
    public List<SlackMessage> message(List<Block> blocks) {
        return MessagePager.page(blocks);
    }

    /**
     * The form as a modal: {@code callback_id} is the form id; each field is an input block whose {@code block_id}
     * and element {@code action_id} are the field name.
     *
     * @param privateMetadata returned by Slack on submission; at most 3000 characters, may be {@code null}
     */
    public View modal(Block.Form form, String privateMetadata) {
        return ModalRenderer.render(form, privateMetadata);
    }

    /** The fields' errors by field name, for a {@code response_action: errors} answer to a submission. */
    public Map<String, String> errors(Block.Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        form.fields().stream().filter(f -> f.error() != null).forEach(f -> errors.put(f.name(), f.error()));
        return errors;
    }

    /** The blocks as a Home tab view of at most 100 blocks; if more, the last one says how many were left out. */
    public View home(List<Block> blocks) {
        return HomeRenderer.render(blocks);
    }
}

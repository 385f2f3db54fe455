package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.BUTTON_TEXT;
import static dev.stepwise.slack.blockkit.BlockKitLimits.BUTTON_VALUE;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.stepwise.core.conversation.Block;
import java.util.List;

final class FormLauncher {

    static final String FALLBACK_LABEL = "Open form";
    static final String UNTITLED = "Form";

    private FormLauncher() {
    }

    static List<LayoutBlock> render(Block.Form form) {
        String title = form.title() == null || form.title().isBlank() ? UNTITLED : form.title();
        SectionBlock section = Sections.section(Sections.bold(title));
        section.setAccessory(ButtonElement.builder()
                .text(Sections.plain(buttonLabel(form.submitLabel()), BUTTON_TEXT))
                .actionId(BlockKitRenderer.OPEN_FORM_ACTION_ID)
                .value(Intact.require(form.formId(), BUTTON_VALUE, "form id"))
                .build());
        return List.of(section);
    }

    private static String buttonLabel(String submitLabel) {
        return submitLabel == null || submitLabel.isBlank() || submitLabel.strip().length() > BUTTON_TEXT
                ? FALLBACK_LABEL : submitLabel.strip();
    }
}

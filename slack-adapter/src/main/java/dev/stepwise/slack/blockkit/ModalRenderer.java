package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitLimits.BLOCKS_PER_VIEW;
import static dev.stepwise.slack.blockkit.BlockKitLimits.CALLBACK_ID;
import static dev.stepwise.slack.blockkit.BlockKitLimits.PRIVATE_METADATA;
import static dev.stepwise.slack.blockkit.BlockKitLimits.VIEW_BUTTON;
import static dev.stepwise.slack.blockkit.BlockKitLimits.VIEW_TITLE;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.stepwise.core.conversation.Block;
import java.util.ArrayList;
import java.util.List;

final class ModalRenderer {

    static final String DEFAULT_TITLE = "Form";
    static final String DEFAULT_SUBMIT = "Submit";
    static final String CLOSE = "Cancel";

    private ModalRenderer() {
    }

    static View render(Block.Form form, String privateMetadata) {
        Intact.require(privateMetadata, PRIVATE_METADATA, "private_metadata");
        if (form.fields().size() > BLOCKS_PER_VIEW) {
            throw new IllegalArgumentException("a modal holds at most " + BLOCKS_PER_VIEW + " blocks; form "
                    + form.formId() + " has " + form.fields().size() + " fields");
        }
        String title = form.title() == null || form.title().isBlank() ? DEFAULT_TITLE : form.title().strip();
        String submit = form.submitLabel() == null || form.submitLabel().isBlank()
                ? DEFAULT_SUBMIT : form.submitLabel().strip();
        return View.builder()
                .type("modal")
                .callbackId(Intact.require(form.formId(), CALLBACK_ID, "form id"))
                .title(ViewTitle.builder().type("plain_text").text(Ellipsis.plain(title, VIEW_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(Ellipsis.plain(submit, VIEW_BUTTON)).build())
                .close(ViewClose.builder().type("plain_text").text(CLOSE).build())
                .privateMetadata(privateMetadata)
                .blocks(blocks(form, title))
                .build();
    }

    private static List<LayoutBlock> blocks(Block.Form form, String title) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (title.length() > VIEW_TITLE) {
            List<LayoutBlock> titleSections = Sections.of(Sections.bold(title));
            int room = BLOCKS_PER_VIEW - form.fields().size();
            blocks.addAll(titleSections.subList(0, Math.min(room, titleSections.size())));
        }
        form.fields().forEach(field -> blocks.add(FieldInputs.of(field)));
        return blocks;
    }
}

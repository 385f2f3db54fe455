package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.blocks;
import static dev.stepwise.slack.blockkit.BlockKitJson.string;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormInMessageTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private static Block.Form form(String formId, String submitLabel) {
        return new Block.Form(formId, "Your feedback", List.of(
                new Field("text", "Feedback", Field.Kind.TEXTAREA, true, 500, null, null, null, null, null)), submitLabel);
    }

    private JsonObject section(Block.Form form) {
        var blocks = blocks(renderer.message(List.of(form)).getFirst());
        assertThat(blocks).hasSize(1);
        return blocks.get(0).getAsJsonObject();
    }

    @Test
    void aFormInAMessageIsItsTitleWithAButtonThatOpensIt() {
        JsonObject section = section(form("feedback.write@42", "Send feedback"));
        assertThat(string(section, "type")).isEqualTo("section");
        assertThat(text(section)).isEqualTo("*Your feedback*");
        JsonObject button = section.getAsJsonObject("accessory");
        assertThat(string(button, "type")).isEqualTo("button");
        assertThat(text(button)).isEqualTo("Send feedback");
        assertThat(string(button, "action_id")).isEqualTo("stepwise.open-form").isEqualTo(BlockKitRenderer.OPEN_FORM_ACTION_ID);
        assertThat(string(button, "value")).isEqualTo("feedback.write@42");
    }

    @Test
    void theButtonUsesTheSubmitLabelUpTo75CharactersElseOpenForm() {
        String at = "S".repeat(75);
        assertThat(text(section(form("f", at)).getAsJsonObject("accessory"))).isEqualTo(at);
        assertThat(text(section(form("f", at + "S")).getAsJsonObject("accessory"))).isEqualTo("Open form");
        assertThat(text(section(form("f", null)).getAsJsonObject("accessory"))).isEqualTo("Open form");
    }

    @Test
    void aFormIdTooLongForAButtonValueIsRefused() {
        assertThat(string(section(form("i".repeat(2000), "Go")).getAsJsonObject("accessory"), "value")).hasSize(2000);
        assertThatThrownBy(() -> renderer.message(List.of(form("i".repeat(2001), "Go"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

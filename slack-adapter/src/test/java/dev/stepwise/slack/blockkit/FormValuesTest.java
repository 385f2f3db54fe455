package dev.stepwise.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.ViewState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValuesTest {

    @Test
    void submittedValuesAreReadByFieldName() {
        ViewState state = BlockKitJson.GSON.fromJson("""
                {"values": {
                  "text":  {"text":  {"type": "plain_text_input", "value": "Great demo"}},
                  "skill": {"skill": {"type": "static_select", "selected_option": {"text": {"type": "plain_text", "text": "Design"}, "value": "s2"}}},
                  "title": {"title": {"type": "plain_text_input", "value": null}},
                  "level": {"level": {"type": "static_select", "selected_option": null}}
                }}""", ViewState.class);

        assertThat(FormValues.from(state)).containsExactly(
                Map.entry("text", "Great demo"), Map.entry("skill", "s2"), Map.entry("title", ""), Map.entry("level", ""));
    }

    @Test
    void noStateGivesNoValues() {
        assertThat(FormValues.from(null)).isEmpty();
        assertThat(FormValues.from(new ViewState())).isEmpty();
    }
}

package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.json;
import static dev.stepwise.slack.blockkit.BlockKitJson.objects;
import static dev.stepwise.slack.blockkit.BlockKitJson.string;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Field;
import dev.stepwise.core.conversation.Block.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModalRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private static Field textField(String name, Integer maxLength, String value) {
        return new Field(name, "Label " + name, Field.Kind.TEXT, true, maxLength, null, value, null, null, null);
    }

    private static Field selectField(String name, int options, String value) {
        List<Option> list = IntStream.range(0, options).mapToObj(i -> new Option("Option " + i, "o" + i)).toList();
        return new Field(name, "Pick", Field.Kind.SELECT, true, null, null, value, null, null, list);
    }

    private static List<Field> textFields(int count) {
        return IntStream.range(0, count).mapToObj(i -> textField("f" + i, null, null)).toList();
    }

    private JsonObject modal(String title, String submit, List<Field> fields) {
        return json(renderer.modal(new Block.Form("feedback.write", title, fields, submit), null));
    }

    private static JsonObject element(JsonObject modal, int block) {
        return modal.getAsJsonArray("blocks").get(block).getAsJsonObject().getAsJsonObject("element");
    }

    private static String title(JsonObject modal) {
        return string(modal.getAsJsonObject("title"), "text");
    }

    @Test
    void aFormIsAModalWithOneInputPerFieldNamedByTheField() {
        Block.Form form = new Block.Form("feedback.write", "Feedback for Kofi", List.of(
                new Field("text", "What went well?", Field.Kind.TEXTAREA, true, 1000, "Be specific", "Draft", "Kofi sees this",
                        null, null),
                new Field("title", "Title", Field.Kind.TEXT, false, null, null, null, null, null, null),
                new Field("skill", "Skill", Field.Kind.SELECT, false, null, "Choose a skill", "s2", null, null,
                        List.of(new Option("Testing", "s1"), new Option("Design", "s2")))), "Send");
        JsonObject modal = json(renderer.modal(form, "{\"conversation\":\"c1\"}"));

        assertThat(string(modal, "type")).isEqualTo("modal");
        assertThat(string(modal, "callback_id")).isEqualTo("feedback.write");
        assertThat(string(modal, "private_metadata")).isEqualTo("{\"conversation\":\"c1\"}");
        assertThat(title(modal)).isEqualTo("Feedback for Kofi");
        assertThat(string(modal.getAsJsonObject("title"), "type")).isEqualTo("plain_text");
        assertThat(string(modal.getAsJsonObject("submit"), "text")).isEqualTo("Send");
        assertThat(string(modal.getAsJsonObject("close"), "text")).isEqualTo("Cancel");

        JsonArray blocks = modal.getAsJsonArray("blocks");
        assertThat(types(blocks)).containsExactly("input", "input", "input");
        assertThat(objects(blocks)).extracting(b -> string(b, "block_id")).containsExactly("text", "title", "skill");
        assertThat(objects(blocks)).extracting(b -> string(b.getAsJsonObject("element"), "action_id"))
                .containsExactly("text", "title", "skill");
        assertThat(objects(blocks)).extracting(b -> b.get("optional").getAsBoolean()).containsExactly(false, true, true);

        JsonObject textArea = blocks.get(0).getAsJsonObject();
        assertThat(string(textArea.getAsJsonObject("label"), "text")).isEqualTo("What went well?");
        assertThat(string(textArea.getAsJsonObject("hint"), "text")).isEqualTo("Kofi sees this");
        JsonObject area = textArea.getAsJsonObject("element");
        assertThat(string(area, "type")).isEqualTo("plain_text_input");
        assertThat(area.get("multiline").getAsBoolean()).isTrue();
        assertThat(area.get("max_length").getAsInt()).isEqualTo(1000);
        assertThat(string(area, "initial_value")).isEqualTo("Draft");
        assertThat(string(area.getAsJsonObject("placeholder"), "text")).isEqualTo("Be specific");

        JsonObject line = element(modal, 1);
        assertThat(line.get("multiline").getAsBoolean()).isFalse();
        assertThat(line.has("max_length")).isFalse();
        assertThat(line.has("initial_value")).isFalse();
        assertThat(blocks.get(1).getAsJsonObject().has("hint")).isFalse();

        JsonObject select = element(modal, 2);
        assertThat(string(select, "type")).isEqualTo("static_select");
        assertThat(objects(select.getAsJsonArray("options"))).extracting(o -> string(o, "value")).containsExactly("s1", "s2");
        assertThat(text(select.getAsJsonObject("initial_option"))).isEqualTo("Design");
        assertThat(string(select.getAsJsonObject("initial_option"), "value")).isEqualTo("s2");
        assertThat(string(select.getAsJsonObject("placeholder"), "text")).isEqualTo("Choose a skill");
    }

    @Test
    void aSelectWithoutOptionsDegradesToATextInput() {
        JsonObject input = element(modal("T", "Go", List.of(selectField("s", 0, "typed"))), 0);
        assertThat(string(input, "type")).isEqualTo("plain_text_input");
        assertThat(string(input, "action_id")).isEqualTo("s");
        assertThat(string(input, "initial_value")).isEqualTo("typed");
    }

    @Test
    void aSelectWithoutAMatchingValueHasNoInitialOption() {
        assertThat(element(modal("T", "Go", List.of(selectField("s", 3, "nope"))), 0).has("initial_option")).isFalse();
    }

    @Test
    void aTitleOf24CharactersIsKeptAndALongerOneIsShortenedAndShownInFull() {
        String at = "T".repeat(24);
        JsonObject kept = modal(at, "Go", textFields(1));
        assertThat(title(kept)).isEqualTo(at);
        assertThat(types(kept.getAsJsonArray("blocks"))).containsExactly("input");

        JsonObject cut = modal(at + "U", "Go", textFields(1));
        assertThat(title(cut)).hasSize(24).isEqualTo("T".repeat(23) + "…");
        assertThat(types(cut.getAsJsonArray("blocks"))).containsExactly("section", "input");
        assertThat(text(cut.getAsJsonArray("blocks").get(0).getAsJsonObject())).isEqualTo("*" + at + "U*");
    }

    @Test
    void aSubmitLabelOf24CharactersIsKeptAndALongerOneShortened() {
        String at = "S".repeat(24);
        assertThat(string(modal("T", at, textFields(1)).getAsJsonObject("submit"), "text")).isEqualTo(at);
        assertThat(string(modal("T", at + "S", textFields(1)).getAsJsonObject("submit"), "text"))
                .isEqualTo("S".repeat(23) + "…");
    }

    @Test
    void maxLengthIsCappedAt3000AndTheInitialValueFitsWithinIt() {
        assertThat(element(modal("T", "Go", List.of(textField("a", 3000, null))), 0).get("max_length").getAsInt()).isEqualTo(3000);
        assertThat(element(modal("T", "Go", List.of(textField("a", 3001, null))), 0).get("max_length").getAsInt()).isEqualTo(3000);
        assertThat(string(element(modal("T", "Go", List.of(textField("a", 10, "0123456789"))), 0), "initial_value"))
                .isEqualTo("0123456789");
        assertThat(string(element(modal("T", "Go", List.of(textField("a", 10, "0123456789X"))), 0), "initial_value"))
                .isEqualTo("0123456789");
        assertThat(string(element(modal("T", "Go", List.of(textField("a", null, "v".repeat(3001)))), 0), "initial_value"))
                .hasSize(3000);
    }

    @Test
    void labelsHintsAndPlaceholdersAreKeptWithinTheirLimits() {
        Field at = new Field("a", "L".repeat(2000), Field.Kind.TEXT, true, null, "P".repeat(150), null, "H".repeat(2000), null, null);
        Field over = new Field("b", "L".repeat(2001), Field.Kind.TEXT, true, null, "P".repeat(151), null, "H".repeat(2001), null, null);
        JsonArray blocks = modal("T", "Go", List.of(at, over)).getAsJsonArray("blocks");
        JsonObject kept = blocks.get(0).getAsJsonObject();
        JsonObject cut = blocks.get(1).getAsJsonObject();
        assertThat(string(kept.getAsJsonObject("label"), "text")).isEqualTo("L".repeat(2000));
        assertThat(string(kept.getAsJsonObject("hint"), "text")).isEqualTo("H".repeat(2000));
        assertThat(string(kept.getAsJsonObject("element").getAsJsonObject("placeholder"), "text")).isEqualTo("P".repeat(150));
        assertThat(string(cut.getAsJsonObject("label"), "text")).isEqualTo("L".repeat(1999) + "…");
        assertThat(string(cut.getAsJsonObject("hint"), "text")).isEqualTo("H".repeat(1999) + "…");
        assertThat(string(cut.getAsJsonObject("element").getAsJsonObject("placeholder"), "text")).isEqualTo("P".repeat(149) + "…");
    }

    @Test
    void aModalHolds100BlocksAndMoreFieldsAreRefused() {
        assertThat(modal("T", "Go", textFields(100)).getAsJsonArray("blocks")).hasSize(100);
        assertThatThrownBy(() -> modal("T", "Go", textFields(101))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100");
    }

    @Test
    void theFullTitleSectionOnlyTakesRoomTheFieldsLeave() {
        String longTitle = "A title longer than twenty-four characters";
        assertThat(types(modal(longTitle, "Go", textFields(99)).getAsJsonArray("blocks"))).hasSize(100).startsWith("section");
        assertThat(types(modal(longTitle, "Go", textFields(100)).getAsJsonArray("blocks"))).hasSize(100).containsOnly("input");
    }

    @Test
    void privateMetadataOf3000CharactersIsKeptAndLongerRefused() {
        Block.Form form = new Block.Form("f", "T", textFields(1), "Go");
        assertThat(string(json(renderer.modal(form, "m".repeat(3000))), "private_metadata")).hasSize(3000);
        assertThatThrownBy(() -> renderer.modal(form, "m".repeat(3001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFormIdLongerThanACallbackIdIsRefused() {
        assertThat(string(json(renderer.modal(new Block.Form("f".repeat(255), "T", textFields(1), "Go"), null)), "callback_id"))
                .hasSize(255);
        assertThatThrownBy(() -> renderer.modal(new Block.Form("f".repeat(256), "T", textFields(1), "Go"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSelectOf100OptionsIsFlatAndMoreAreGroupedInHundreds() {
        JsonObject flat = element(modal("T", "Go", List.of(selectField("s", 100, null))), 0);
        assertThat(flat.getAsJsonArray("options")).hasSize(100);
        assertThat(flat.has("option_groups")).isFalse();

        JsonObject grouped = element(modal("T", "Go", List.of(selectField("s", 101, "o100"))), 0);
        assertThat(grouped.has("options")).isFalse();
        List<JsonObject> groups = objects(grouped.getAsJsonArray("option_groups"));
        assertThat(groups).extracting(g -> string(g.getAsJsonObject("label"), "text")).containsExactly("1–100", "101–101");
        assertThat(groups).extracting(g -> g.getAsJsonArray("options").size()).containsExactly(100, 1);
        assertThat(string(grouped.getAsJsonObject("initial_option"), "value")).isEqualTo("o100");
    }

    @Test
    void aSelectOfMoreThan100GroupsOf100IsRefused() {
        assertThat(element(modal("T", "Go", List.of(selectField("s", 10_000, null))), 0).getAsJsonArray("option_groups"))
                .hasSize(100);
        assertThatThrownBy(() -> modal("T", "Go", List.of(selectField("s", 10_001, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOptionValueLongerThan150IsRefused() {
        Field at = new Field("s", "Pick", Field.Kind.SELECT, true, null, null, null, null, null,
                List.of(new Option("A", "v".repeat(150))));
        assertThat(string(element(modal("T", "Go", List.of(at)), 0).getAsJsonArray("options").get(0).getAsJsonObject(), "value"))
                .hasSize(150);
        Field over = new Field("s", "Pick", Field.Kind.SELECT, true, null, null, null, null, null,
                List.of(new Option("A", "v".repeat(151))));
        assertThatThrownBy(() -> modal("T", "Go", List.of(over))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFieldNameLongerThanABlockIdIsRefused() {
        assertThat(string(element(modal("T", "Go", List.of(textField("n".repeat(255), null, null))), 0), "action_id")).hasSize(255);
        assertThatThrownBy(() -> modal("T", "Go", List.of(textField("n".repeat(256), null, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsAreKeyedByFieldName() {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("text", "Text", Field.Kind.TEXT, true, null, null, null, null, "Please write something", null));
        fields.add(new Field("title", "Title", Field.Kind.TEXT, true, null, null, null, null, null, null));
        assertThat(renderer.errors(new Block.Form("f", "T", fields, "Go")))
                .containsExactly(Map.entry("text", "Please write something"));
    }
}

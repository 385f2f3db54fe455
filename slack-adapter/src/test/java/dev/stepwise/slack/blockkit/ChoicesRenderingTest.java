package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.assertActionIdsUniqueWithinEachBlock;
import static dev.stepwise.slack.blockkit.BlockKitJson.blocks;
import static dev.stepwise.slack.blockkit.BlockKitJson.objects;
import static dev.stepwise.slack.blockkit.BlockKitJson.string;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChoicesRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private JsonArray render(String prompt, List<Choice> choices) {
        List<SlackMessage> messages = renderer.message(List.of(new Block.Choices(prompt, choices)));
        assertThat(messages).hasSize(1);
        JsonArray blocks = blocks(messages.getFirst());
        assertActionIdsUniqueWithinEachBlock(blocks);
        return blocks;
    }

    private static List<Choice> sameAction(int count, String actionId) {
        return IntStream.range(0, count).mapToObj(i -> Choice.of("Option " + i, actionId, "v" + i)).toList();
    }

    private static List<JsonObject> elements(JsonArray blocks, int index) {
        return objects(blocks.get(index).getAsJsonObject().getAsJsonArray("elements"));
    }

    @Test
    void fewChoicesAreButtonsWithIndexedActionIdsTheirValuesAndStyles() {
        JsonArray blocks = render("Which **objective**?", List.of(
                new Choice("Ship it", "pick", "o1", Choice.Style.PRIMARY),
                Choice.of("Later", "pick", "o2"),
                new Choice("Cancel", "flow.cancel", "x", Choice.Style.DANGER)));

        assertThat(types(blocks)).containsExactly("section", "actions");
        assertThat(text(blocks.get(0).getAsJsonObject())).isEqualTo("Which *objective*?");
        List<JsonObject> buttons = elements(blocks, 1);
        assertThat(buttons).extracting(b -> string(b, "type")).containsOnly("button");
        assertThat(buttons).extracting(b -> b.getAsJsonObject("text").get("type").getAsString()).containsOnly("plain_text");
        assertThat(buttons).extracting(BlockKitJson::text).containsExactly("Ship it", "Later", "Cancel");
        assertThat(buttons).extracting(b -> string(b, "action_id")).containsExactly("pick#0", "pick#1", "flow.cancel#2");
        assertThat(buttons).extracting(b -> ActionIds.decode(string(b, "action_id")))
                .containsExactly("pick", "pick", "flow.cancel");
        assertThat(buttons).extracting(b -> string(b, "value")).containsExactly("o1", "o2", "x");
        assertThat(buttons).extracting(b -> string(b, "style")).containsExactly("primary", null, "danger");
    }

    @Test
    void fiveChoicesSharingAnActionIdAreStillButtons() {
        assertThat(elements(render("Pick", sameAction(5, "pick")), 1))
                .extracting(b -> string(b, "type")).containsOnly("button").hasSize(5);
    }

    @Test
    void sixChoicesSharingAnActionIdBecomeOneSelectWhileOthersStayButtons() {
        List<Choice> choices = new java.util.ArrayList<>(sameAction(6, "pick"));
        choices.add(new Choice("Cancel", "flow.cancel", "x", Choice.Style.DANGER));
        JsonArray blocks = render("Which one?", choices);

        List<JsonObject> elements = elements(blocks, 1);
        assertThat(elements).extracting(e -> string(e, "type")).containsExactly("static_select", "button");
        JsonObject select = elements.getFirst();
        assertThat(ActionIds.decode(string(select, "action_id"))).isEqualTo("pick");
        assertThat(select.getAsJsonObject("placeholder").get("text").getAsString()).isEqualTo("Which one?");
        assertThat(objects(select.getAsJsonArray("options"))).extracting(o -> string(o, "value"))
                .containsExactly("v0", "v1", "v2", "v3", "v4", "v5");
        assertThat(objects(select.getAsJsonArray("options"))).extracting(BlockKitJson::text).contains("Option 0");
        assertThat(string(elements.get(1), "style")).isEqualTo("danger");
        assertThat(ActionIds.decode(string(elements.get(1), "action_id"))).isEqualTo("flow.cancel");
    }

    @Test
    void aSelectWithoutPromptSaysChoose() {
        JsonArray blocks = render(null, sameAction(6, "pick"));
        assertThat(types(blocks)).containsExactly("actions");
        assertThat(elements(blocks, 0).getFirst().getAsJsonObject("placeholder").get("text").getAsString())
                .isEqualTo("Choose…");
    }

    @Test
    void aSelectHolds100OptionsAndMoreArePagedIntoFurtherSelects() {
        JsonObject one = elements(render("Pick", sameAction(100, "pick")), 1).getFirst();
        assertThat(one.getAsJsonArray("options")).hasSize(100);

        List<JsonObject> two = elements(render("Pick", sameAction(101, "pick")), 1);
        assertThat(two).hasSize(2);
        assertThat(two.get(0).getAsJsonArray("options")).hasSize(100);
        assertThat(two.get(1).getAsJsonArray("options")).hasSize(1);
        assertThat(string(two.get(1).getAsJsonArray("options").get(0).getAsJsonObject(), "value")).isEqualTo("v100");
        assertThat(two).extracting(s -> s.getAsJsonObject("placeholder").get("text").getAsString())
                .containsExactly("Pick (1–100)", "Pick (101–101)");
        assertThat(two).extracting(s -> ActionIds.decode(string(s, "action_id"))).containsOnly("pick");
    }

    @Test
    void valuesTooLongForAnOptionKeepTheChoicesAsButtons() {
        List<Choice> choices = IntStream.range(0, 6).mapToObj(i -> Choice.of("L" + i, "pick", i + "x".repeat(150))).toList();
        assertThat(elements(render("Pick", choices), 1)).extracting(e -> string(e, "type")).containsOnly("button").hasSize(6);
        List<Choice> fitting = IntStream.range(0, 6).mapToObj(i -> Choice.of("L" + i, "pick", i + "x".repeat(149))).toList();
        assertThat(elements(render("Pick", fitting), 1)).extracting(e -> string(e, "type")).containsExactly("static_select");
    }

    @Test
    void anActionsBlockHolds25ElementsAndMoreGoToAnotherBlock() {
        List<Choice> at = IntStream.range(0, 25).mapToObj(i -> Choice.of("B" + i, "act" + i, "v" + i)).toList();
        assertThat(types(render(null, at))).containsExactly("actions");
        assertThat(elements(render(null, at), 0)).hasSize(25);

        List<Choice> over = IntStream.range(0, 26).mapToObj(i -> Choice.of("B" + i, "act" + i, "v" + i)).toList();
        JsonArray blocks = render(null, over);
        assertThat(types(blocks)).containsExactly("actions", "actions");
        assertThat(elements(blocks, 0)).hasSize(25);
        assertThat(elements(blocks, 1)).extracting(e -> string(e, "action_id")).containsExactly("act25#25");
    }

    @Test
    void sameActionIdButtonsStayUniqueWithinEveryBlock() {
        List<Choice> choices = IntStream.range(0, 30).mapToObj(i -> Choice.of("B" + i, "same", "x".repeat(151) + i)).toList();
        JsonArray blocks = render(null, choices);
        assertThat(types(blocks)).containsExactly("actions", "actions");
        assertThat(objects(blocks).stream().flatMap(b -> objects(b.getAsJsonArray("elements")).stream()))
                .extracting(e -> string(e, "action_id")).doesNotHaveDuplicates().hasSize(30);
    }

    @Test
    void aLabelOf75IsAButtonAndALongerOneIsASectionWithTheWholeLabelAndAChooseButton() {
        String at = "L".repeat(75);
        String longer = "Run a monthly customer advisory board with our five largest enterprise accounts";
        JsonArray blocks = render("Which objective?", List.of(Choice.of(at, "pick", "1"), Choice.of(longer, "pick", "2"),
                new Choice("Cancel", "flow.cancel", "x", Choice.Style.DANGER)));

        assertThat(types(blocks)).containsExactly("section", "actions", "section", "actions");
        assertThat(elements(blocks, 1)).extracting(BlockKitJson::text).containsExactly(at);
        JsonObject section = blocks.get(2).getAsJsonObject();
        assertThat(section.getAsJsonObject("text").get("type").getAsString()).isEqualTo("plain_text");
        assertThat(text(section)).isEqualTo(longer);
        JsonObject choose = section.getAsJsonObject("accessory");
        assertThat(string(choose, "type")).isEqualTo("button");
        assertThat(text(choose)).isEqualTo("Choose");
        assertThat(string(choose, "action_id")).isEqualTo("pick#1");
        assertThat(string(choose, "value")).isEqualTo("2");
        assertThat(elements(blocks, 3)).extracting(b -> string(b, "action_id")).containsExactly("flow.cancel#2");
        assertEveryLabelWhole(blocks, List.of(at, longer, "Cancel"));
    }

    @Test
    void aLongLabelKeepsItsStyleAndAnEmojiAtTheEndIsNotCut() {
        String label = "x".repeat(73) + "\ud83d\ude00\ud83d\ude00";
        JsonArray blocks = render(null, List.of(new Choice(label, "a", "1", Choice.Style.PRIMARY)));
        assertThat(types(blocks)).containsExactly("section");
        assertThat(text(blocks.get(0).getAsJsonObject())).isEqualTo(label);
        assertThat(string(blocks.get(0).getAsJsonObject().getAsJsonObject("accessory"), "style")).isEqualTo("primary");
    }

    @Test
    void optionTextsOf75AreASelectButAGroupWithALongerLabelIsButtonsAndSections() {
        List<Choice> fitting = IntStream.range(0, 6).mapToObj(i -> Choice.of("O".repeat(75), "pick", "v" + i)).toList();
        List<JsonObject> options = objects(elements(render(null, fitting), 0).getFirst().getAsJsonArray("options"));
        assertThat(options).extracting(BlockKitJson::text).containsOnly("O".repeat(75));

        List<Choice> oneLonger = IntStream.range(0, 6).mapToObj(i -> Choice.of(i == 0 ? "O".repeat(80) : "O".repeat(70) + i, "pick", "v" + i)).toList();
        JsonArray blocks = render("Pick", oneLonger);
        assertThat(objects(blocks).stream().flatMap(b -> b.has("elements")
                ? objects(b.getAsJsonArray("elements")).stream() : java.util.stream.Stream.of()))
                .extracting(e -> string(e, "type")).doesNotContain("static_select");
        assertEveryLabelWhole(blocks, oneLonger.stream().map(Choice::label).toList());
        assertThat(objects(blocks).stream().filter(b -> b.has("accessory"))
                .map(b -> string(b.getAsJsonObject("accessory"), "value"))).containsExactly("v0");
    }

    /** Every label shows whole, as a button, an option or a section's text, and nothing on screen ends cut. */
    private static void assertEveryLabelWhole(JsonArray blocks, List<String> labels) {
        List<String> shown = new java.util.ArrayList<>();
        for (JsonObject block : objects(blocks)) {
            if (block.has("text")) {
                shown.add(text(block));
            }
            if (block.has("accessory")) {
                shown.add(text(block.getAsJsonObject("accessory")));
            }
            if (block.has("elements")) {
                for (JsonObject element : objects(block.getAsJsonArray("elements"))) {
                    if (element.has("text")) {
                        shown.add(text(element));
                    }
                    if (element.has("options")) {
                        objects(element.getAsJsonArray("options")).forEach(o -> shown.add(text(o)));
                    }
                }
            }
        }
        assertThat(shown).containsAll(labels).noneMatch(t -> t.endsWith("\u2026"));
    }

    @Test
    void aValueOf2000CharactersIsKeptAndALongerOneRefused() {
        String at = "v".repeat(2000);
        assertThat(string(elements(render(null, List.of(Choice.of("Go", "go", at))), 0).getFirst(), "value")).isEqualTo(at);
        assertThatThrownBy(() -> renderer.message(List.of(new Block.Choices(null, List.of(Choice.of("Go", "go", at + "v"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000");
    }
}

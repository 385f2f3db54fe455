package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.blocks;
import static dev.stepwise.slack.blockkit.BlockKitJson.objects;
import static dev.stepwise.slack.blockkit.BlockKitJson.string;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.CardField;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CardRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private JsonArray render(Block.Card card) {
        return blocks(renderer.message(List.of(card)).getFirst());
    }

    private static List<CardField> fields(int count) {
        return IntStream.range(0, count).mapToObj(i -> new CardField("Label " + i, "value " + i)).toList();
    }

    private static List<String> fieldTexts(JsonObject section) {
        return objects(section.getAsJsonArray("fields")).stream().map(f -> f.get("text").getAsString()).toList();
    }

    @Test
    void aCardIsABoldTitleASubtitleContextAndLabelledFields() {
        JsonArray blocks = render(new Block.Card("Q3 <goals>", "Team & people",
                List.of(new CardField("Objective", "Ship **v2**"), new CardField("Due", "Friday"))));

        assertThat(types(blocks)).containsExactly("section", "context", "section");
        assertThat(text(blocks.get(0).getAsJsonObject())).isEqualTo("*Q3 &lt;goals&gt;*");
        JsonObject subtitle = blocks.get(1).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject();
        assertThat(string(subtitle, "type")).isEqualTo("mrkdwn");
        assertThat(string(subtitle, "text")).isEqualTo("Team &amp; people");
        JsonObject fields = blocks.get(2).getAsJsonObject();
        assertThat(fields.has("text")).isFalse();
        assertThat(objects(fields.getAsJsonArray("fields"))).extracting(f -> string(f, "type")).containsOnly("mrkdwn");
        assertThat(fieldTexts(fields)).containsExactly("*Objective*\nShip *v2*", "*Due*\nFriday");
    }

    @Test
    void aSectionHoldsTenFieldsAndMoreGoToTheNextSection() {
        JsonArray ten = render(new Block.Card("T", null, fields(10)));
        assertThat(types(ten)).containsExactly("section", "section");
        assertThat(fieldTexts(ten.get(1).getAsJsonObject())).hasSize(10);

        JsonArray eleven = render(new Block.Card("T", null, fields(11)));
        assertThat(types(eleven)).containsExactly("section", "section", "section");
        assertThat(fieldTexts(eleven.get(1).getAsJsonObject())).hasSize(10);
        assertThat(fieldTexts(eleven.get(2).getAsJsonObject())).containsExactly("*Label 10*\nvalue 10");
    }

    @Test
    void aFieldIsKeptAt2000CharactersAndShortenedBeyond() {
        String at = "v".repeat(1996);
        String over = "v".repeat(1997);
        JsonArray blocks = render(new Block.Card(null, null, List.of(new CardField("L", at), new CardField("L", over))));
        List<String> texts = fieldTexts(blocks.get(0).getAsJsonObject());
        assertThat(texts.get(0)).hasSize(2000).isEqualTo("*L*\n" + at);
        assertThat(texts.get(1)).hasSize(2000).endsWith("v…");
    }

    @Test
    void aFieldThatIsOneOverlongLinkIsCutRatherThanEmptied() {
        String value = "[x](https://e.com/" + "p".repeat(2100) + ")";
        JsonArray blocks = render(new Block.Card(null, null, List.of(new CardField(null, value))));
        assertThat(fieldTexts(blocks.get(0).getAsJsonObject()).getFirst()).hasSize(2000).startsWith("<https://e.com/ppp").endsWith("p…");
    }

    @Test
    void aSubtitleIsKeptAt3000CharactersAndShortenedBeyond() {
        String at = "s".repeat(3000);
        assertThat(subtitle(render(new Block.Card("T", at, List.of())))).isEqualTo(at);
        assertThat(subtitle(render(new Block.Card("T", at + "s", List.of())))).isEqualTo("s".repeat(2999) + "…");
    }

    private static String subtitle(JsonArray blocks) {
        return string(blocks.get(1).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject(), "text");
    }
}

package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.json;
import static dev.stepwise.slack.blockkit.BlockKitJson.string;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stepwise.core.conversation.Block;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HomeRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private JsonObject home(int texts) {
        return json(renderer.home(IntStream.range(0, texts).<Block>mapToObj(i -> Block.text("item " + i)).toList()));
    }

    @Test
    void aHomeTabHolds100Blocks() {
        JsonObject home = home(100);
        assertThat(string(home, "type")).isEqualTo("home");
        assertThat(types(home.getAsJsonArray("blocks"))).hasSize(100).containsOnly("section");
    }

    @Test
    void beyond100TheLastBlockSaysHowManyMoreThereAre() {
        JsonArray blocks = home(101).getAsJsonArray("blocks");
        assertThat(blocks).hasSize(100);
        assertThat(text(blocks.get(98).getAsJsonObject())).isEqualTo("item 98");
        JsonObject more = blocks.get(99).getAsJsonObject();
        assertThat(string(more, "type")).isEqualTo("context");
        assertThat(string(more.getAsJsonArray("elements").get(0).getAsJsonObject(), "text")).isEqualTo("…and 2 more not shown.");
    }
}

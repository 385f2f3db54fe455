package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.blocks;
import static dev.stepwise.slack.blockkit.BlockKitJson.objects;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Link;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LinksAndProgressRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private JsonArray render(Block block) {
        return blocks(renderer.message(List.of(block)).getFirst());
    }

    @Test
    void linksAreATitleAndOneLinePerLink() {
        JsonArray blocks = render(new Block.Links("Learning", List.of(
                new Link("Clean Code", "https://x.io/cc", "a book & more"),
                new Link("Talk", "https://x.io/t", null))));
        assertThat(types(blocks)).containsExactly("section");
        assertThat(text(blocks.get(0).getAsJsonObject()))
                .isEqualTo("*Learning*\n• <https://x.io/cc|Clean Code> — a book &amp; more\n• <https://x.io/t|Talk>");
    }

    @Test
    void manyLinksFillSeveralSectionsWithoutBreakingALine() {
        List<Link> links = IntStream.range(0, 100)
                .mapToObj(i -> new Link("Course number " + i, "https://learning.example.com/courses/" + i, "note " + i))
                .toList();
        JsonArray blocks = render(new Block.Links("Catalogue", links));
        assertThat(blocks.size()).isGreaterThan(1);
        List<String> lines = objects(blocks).stream()
                .map(BlockKitJson::text)
                .peek(t -> assertThat(t).hasSizeLessThanOrEqualTo(3000))
                .flatMap(t -> Arrays.stream(t.split("\n")))
                .toList();
        assertThat(lines).hasSize(101);
        assertThat(lines.subList(1, 101)).allMatch(l -> l.matches("• <https://learning\\.example\\.com/courses/\\d+\\|Course number \\d+> — note \\d+"));
    }

    @Test
    void progressIsALabelAndATextBar() {
        assertThat(text(render(new Block.Progress("Objectives done", 40)).get(0).getAsJsonObject()))
                .isEqualTo("*Objectives done*\n▓▓▓▓░░░░░░ 40%");
        assertThat(text(render(new Block.Progress("Start", 0)).get(0).getAsJsonObject())).isEqualTo("*Start*\n░░░░░░░░░░ 0%");
        assertThat(text(render(new Block.Progress("Done", 100)).get(0).getAsJsonObject())).isEqualTo("*Done*\n▓▓▓▓▓▓▓▓▓▓ 100%");
        assertThat(text(render(new Block.Progress("Almost", 99)).get(0).getAsJsonObject())).isEqualTo("*Almost*\n▓▓▓▓▓▓▓▓▓░ 99%");
    }
}

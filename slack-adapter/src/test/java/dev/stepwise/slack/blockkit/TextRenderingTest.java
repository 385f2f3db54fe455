package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.blocks;
import static dev.stepwise.slack.blockkit.BlockKitJson.json;
import static dev.stepwise.slack.blockkit.BlockKitJson.objects;
import static dev.stepwise.slack.blockkit.BlockKitJson.text;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.stepwise.core.conversation.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRenderingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private List<String> sectionTexts(String markdown) {
        List<SlackMessage> messages = renderer.message(List.of(Block.text(markdown)));
        assertThat(messages).hasSize(1);
        assertThat(types(blocks(messages.getFirst()))).containsOnly("section");
        return objects(blocks(messages.getFirst())).stream().map(BlockKitJson::text).toList();
    }

    @Test
    void textIsAMrkdwnSectionWithThePlainTextAsFallback() {
        SlackMessage message = renderer.message(List.of(Block.text("Hi **Maya** & [docs](https://x.io)"))).getFirst();
        JsonObject payload = json(message);
        JsonObject section = payload.getAsJsonArray("blocks").get(0).getAsJsonObject();
        assertThat(section.get("type").getAsString()).isEqualTo("section");
        assertThat(section.getAsJsonObject("text").get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(text(section)).isEqualTo("Hi *Maya* &amp; <https://x.io|docs>");
        assertThat(payload.get("text").getAsString()).isEqualTo("Hi **Maya** &amp; [docs](https://x.io)");
    }

    @Test
    void textOfExactly3000CharactersIsOneSection() {
        String markdown = "a".repeat(1498) + "\n\n" + "b".repeat(1500);
        assertThat(sectionTexts(markdown)).containsExactly(markdown);
    }

    @Test
    void textOf3001CharactersIsSplitAtTheParagraphBoundary() {
        String first = "a".repeat(1499);
        String second = "b".repeat(1500);
        assertThat(sectionTexts(first + "\n\n" + second)).containsExactly(first, second);
    }

    @Test
    void withoutParagraphsTheSplitFallsOnALineThenOnAWord() {
        String lines = ("x".repeat(99) + "\n").repeat(31);
        List<String> byLine = sectionTexts(lines);
        assertThat(byLine).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(3000));
        assertThat(String.join("\n", byLine)).isEqualTo(lines.strip());

        String words = ("w".repeat(9) + " ").repeat(301);
        List<String> byWord = sectionTexts(words);
        assertThat(byWord).hasSize(2).allSatisfy(t -> assertThat(t).doesNotStartWith(" ").hasSizeLessThanOrEqualTo(3000));
        assertThat(String.join(" ", byWord)).isEqualTo(words.strip());
    }

    @Test
    void unbreakableTextIsCutHardAtTheLimit() {
        assertThat(sectionTexts("x".repeat(6001)))
                .extracting(String::length).containsExactly(3000, 3000, 1);
    }

    @Test
    void escapingCountsTowardsTheLimitAndAnEntityIsNeverCut() {
        List<String> texts = sectionTexts("a" + "&".repeat(1000));
        assertThat(texts).hasSize(2)
                .allSatisfy(t -> assertThat(t).matches("a?(&amp;)+").hasSizeLessThanOrEqualTo(3000));
        assertThat(texts.getFirst()).hasSize(2996);
        assertThat(String.join("", texts)).isEqualTo("a" + "&amp;".repeat(1000));
    }

    @Test
    void aSurrogatePairIsNeverCut() {
        String markdown = "x" + "😀".repeat(1500);
        List<String> texts = sectionTexts(markdown);
        assertThat(texts).extracting(String::length).containsExactly(2999, 2);
        assertThat(String.join("", texts)).isEqualTo(markdown);
    }

    @Test
    void aParagraphBreakInTheSecondHalfIsPreferredToALaterLineBreak() {
        String first = "a".repeat(1600);
        String rest = "b".repeat(1000) + "\n" + "c".repeat(1000);
        assertThat(sectionTexts(first + "\n\n" + rest)).containsExactly(first, rest);
    }

    @Test
    void aLinkIsNeverSplitAcrossSections() {
        String markdown = "y".repeat(2990) + "[a label with spaces](https://example.com/long/path)";
        List<String> texts = sectionTexts(markdown);
        assertThat(texts).containsExactly("y".repeat(2990), "<https://example.com/long/path|a label with spaces>");
    }

    @Test
    void blankTextRendersNothing() {
        assertThat(renderer.message(List.of(Block.text("  \n ")))).isEmpty();
        assertThat(renderer.message(List.of())).isEmpty();
    }

    @Test
    void theFallbackTextIsKeptAt3000AndShortenedWithAnEllipsisBeyond() {
        String at = "z".repeat(3000);
        assertThat(renderer.message(List.of(Block.text(at))).getFirst().text()).isEqualTo(at);
        String over = renderer.message(List.of(Block.text("z".repeat(3001)))).getFirst().text();
        assertThat(over).hasSize(3000).endsWith("z…");
    }
}

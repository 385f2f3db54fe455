package dev.stepwise.slack.blockkit;

import static dev.stepwise.slack.blockkit.BlockKitJson.blocks;
import static dev.stepwise.slack.blockkit.BlockKitJson.objects;
import static dev.stepwise.slack.blockkit.BlockKitJson.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepwise.core.conversation.Block;
import dev.stepwise.core.conversation.Block.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessagePagingTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private static List<Block> texts(int count) {
        return IntStream.range(0, count).<Block>mapToObj(i -> Block.text("para " + i)).toList();
    }

    private static List<String> sectionTexts(SlackMessage message) {
        return objects(blocks(message)).stream().map(BlockKitJson::text).toList();
    }

    @Test
    void fiftyBlocksFitOneMessage() {
        List<SlackMessage> messages = renderer.message(texts(50));
        assertThat(messages).hasSize(1);
        assertThat(blocks(messages.getFirst())).hasSize(50);
    }

    @Test
    void fiftyOneBlocksArePagedInOrderWithoutLoss() {
        List<SlackMessage> messages = renderer.message(texts(51));
        assertThat(messages).hasSize(2);
        assertThat(sectionTexts(messages.get(0))).hasSize(50).startsWith("para 0").endsWith("para 49");
        assertThat(sectionTexts(messages.get(1))).containsExactly("para 50");
        assertThat(messages.get(0).text()).startsWith("para 0\n\npara 1").endsWith("para 49");
        assertThat(messages.get(1).text()).isEqualTo("para 50");
    }

    @Test
    void aBlockThatWouldStraddleTwoMessagesStartsTheNextOne() {
        Block choices = new Block.Choices("Pick", List.of(Choice.of("A", "a", "1"), Choice.of("B", "a", "2")));

        List<Block> fitting = new ArrayList<>(texts(48));
        fitting.add(choices);
        assertThat(renderer.message(fitting)).hasSize(1);

        List<Block> straddling = new ArrayList<>(texts(49));
        straddling.add(choices);
        List<SlackMessage> messages = renderer.message(straddling);
        assertThat(messages).hasSize(2);
        assertThat(blocks(messages.get(0))).hasSize(49);
        assertThat(types(blocks(messages.get(1)))).containsExactly("section", "actions");
        assertThat(messages.get(1).text()).isEqualTo("Pick\n[A] [B]");
    }

    @Test
    void aBlockLongerThanAMessageFlowsAcrossMessages() {
        String markdown = String.join("\n\n", IntStream.range(0, 51).mapToObj(i -> (char) ('A' + i % 26) + "x".repeat(2999)).toList());
        List<SlackMessage> messages = renderer.message(List.of(Block.text("Intro"), Block.text(markdown)));
        assertThat(messages).extracting(m -> m.blocks().size()).containsExactly(50, 2);
        List<String> all = new ArrayList<>(sectionTexts(messages.get(0)));
        all.addAll(sectionTexts(messages.get(1)));
        assertThat(all.getFirst()).isEqualTo("Intro");
        assertThat(String.join("\n\n", all.subList(1, all.size()))).isEqualTo(markdown);
        assertThat(messages).allSatisfy(m -> assertThat(m.text()).hasSizeLessThanOrEqualTo(3000));
    }
}

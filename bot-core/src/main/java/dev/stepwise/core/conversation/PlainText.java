package dev.stepwise.core.conversation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Blocks degraded to plain text: the fallback every channel can show (notification previews, screen readers,
 * clients without rich cards). Markdown markers are kept as typed.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String of(List<Block> blocks) {
        return blocks.stream().map(PlainText::of).filter(s -> !s.isEmpty()).collect(Collectors.joining("\n\n"));
    }

    public static String of(Block block) {
        return switch (block) {
            case Block.Text text -> text.markdown();
            case Block.Choices choices -> join(choices.prompt(),
                    choices.choices().stream().map(c -> "[" + c.label() + "]").collect(Collectors.joining(" ")));
            case Block.Form form -> join(form.title(), form.fields().stream()
                    .map(f -> "- " + f.label() + (f.value() == null ? "" : ": " + f.value())
                            + (f.error() == null ? "" : " (" + f.error() + ")"))
                    .collect(Collectors.joining("\n")));
            case Block.Card card -> join(join(card.title(), card.subtitle()), card.fields().stream()
                    .map(f -> f.label() + ": " + f.value()).collect(Collectors.joining("\n")));
            case Block.Links links -> join(links.title(), links.links().stream()
                    .map(l -> "- " + l.title() + " " + l.url() + (l.note() == null ? "" : " (" + l.note() + ")"))
                    .collect(Collectors.joining("\n")));
            case Block.Progress progress -> progress.label() + ": " + progress.percent() + "%";
        };
    }

    private static String join(String first, String second) {
        if (first == null || first.isEmpty()) {
            return second == null ? "" : second;
        }
        return second == null || second.isEmpty() ? first : first + "\n" + second;
    }
}

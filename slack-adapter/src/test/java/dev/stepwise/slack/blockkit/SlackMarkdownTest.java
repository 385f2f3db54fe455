package dev.stepwise.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackMarkdownTest {

    @Test
    void boldBecomesSingleAsterisks() {
        assertThat(SlackMarkdown.of("a **bold** word")).isEqualTo("a *bold* word");
    }

    @Test
    void linksBecomeSlackLinks() {
        assertThat(SlackMarkdown.of("see [the docs](https://example.com/a?b=1&c=2) now"))
                .isEqualTo("see <https://example.com/a?b=1&c=2|the docs> now");
    }

    @Test
    void controlCharactersInTextAreEscapedButTheLinkDelimitersAreNot() {
        assertThat(SlackMarkdown.of("a < b & c > d [R&D <team>](https://x.io)"))
                .isEqualTo("a &lt; b &amp; c &gt; d <https://x.io|R&amp;D &lt;team&gt;>");
    }

    @Test
    void urlCharactersThatWouldEndTheLinkArePercentEncoded() {
        assertThat(SlackMarkdown.of("[x](https://x.io/a|b>c)")).isEqualTo("<https://x.io/a%7Cb%3Ec|x>");
    }

    @Test
    void italicAndCodeAreKeptAndCodeIsNotConvertedButIsEscaped() {
        assertThat(SlackMarkdown.of("_soft_ and `**raw** a<b`")).isEqualTo("_soft_ and `**raw** a&lt;b`");
    }

    @Test
    void bulletsAtLineStartBecomeDots() {
        assertThat(SlackMarkdown.of("List:\n- one\n  - nested\n- two\nnot - a bullet"))
                .isEqualTo("List:\n• one\n  • nested\n• two\nnot - a bullet");
    }

    @Test
    void boldMayContainALink() {
        assertThat(SlackMarkdown.of("**read [this](https://x.io)**")).isEqualTo("*read <https://x.io|this>*");
    }

    @Test
    void plainTextWithoutMarkersIsOnlyEscaped() {
        assertThat(SlackMarkdown.of("5 > 3 && 2 < 4")).isEqualTo("5 &gt; 3 &amp;&amp; 2 &lt; 4");
        assertThat(SlackMarkdown.escape("<@U123>")).isEqualTo("&lt;@U123&gt;");
    }

    @Test
    void nullAndEmptyGiveEmpty() {
        assertThat(SlackMarkdown.of(null)).isEmpty();
        assertThat(SlackMarkdown.of("")).isEmpty();
    }
}

package dev.stepwise.teams.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsMarkdownTest {

    // Any markdown inline link, whatever its target.
    private static final Pattern ANY_LINK = Pattern.compile("]\\(\\s*<?([^)\\s>]*)");

    @Test
    void boldItalicAndWebLinksStayAsTeamsRendersThem() {
        assertThat(TeamsMarkdown.card("**Well done**, _really_: see [the guide](https://example.com/guide)."))
                .isEqualTo("**Well done**, _really_: see [the guide](https://example.com/guide).");
    }

    @Test
    void codeBecomesQuotedInCardsAndStaysCodeInMessages() {
        assertThat(TeamsMarkdown.card("Give your admin `ref-42_a`.")).isEqualTo("Give your admin \u201cref-42_a\u201d.");
        assertThat(TeamsMarkdown.message("Give your admin `ref-42_a`.")).isEqualTo("Give your admin `ref-42_a`.");
    }

    @Test
    void linesBecomeParagraphsButListItemsStayTogether() {
        assertThat(TeamsMarkdown.card("Intro line\nSecond line\n- one\n- two\n\n- three\nAfter"))
                .isEqualTo("Intro line\n\nSecond line\n\n- one\n- two\n- three\n\nAfter");
        assertThat(TeamsMarkdown.card("a\r\nb\rc")).isEqualTo("a\n\nb\n\nc");
    }

    @Test
    void nothingIsEscaped() {
        assertThat(TeamsMarkdown.card("Q&A <team> \"quoted\" 5 > 3")).isEqualTo("Q&A <team> \"quoted\" 5 > 3");
    }

    @Test
    void nullAndBlankGiveEmptyText() {
        assertThat(TeamsMarkdown.card(null)).isEmpty();
        assertThat(TeamsMarkdown.message("  \n ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click]( javascript:alert(1))",
            "[click](<javascript:alert(1)>)",
            "[click](JavaScript:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD4=)",
            "[click](vbscript:msgbox)",
            "[[click]](javascript:alert(1))",
            "`[click](javascript:alert(1))`",
            "[click](/relative/path)",
            "[click](https://ok.example)](javascript:alert(1))",
    })
    void onlyWebUrlsAreEverLinkTargets(String markdown) {
        for (String out : new String[] {TeamsMarkdown.card(markdown), TeamsMarkdown.message(markdown)}) {
            Matcher link = ANY_LINK.matcher(out);
            while (link.find()) {
                assertThat(TeamsMarkdown.isWebUrl(link.group(1))).as("link target in %s", out).isTrue();
            }
            assertThat(out.toLowerCase()).doesNotContain("](javascript").doesNotContain("<javascript");
        }
    }

    @Test
    void anUnsafeLinkIsShownAsTextWithItsTarget() {
        assertThat(TeamsMarkdown.card("[click](javascript:alert(1))")).startsWith("click (javascript:alert(1");
        assertThat(TeamsMarkdown.link("Notes", "ftp://files.example/notes")).isEqualTo("Notes (ftp://files.example/notes)");
    }

    @Test
    void autolinksToOtherSchemesAreBroken() {
        assertThat(TeamsMarkdown.card("see <javascript:alert(1)>")).isEqualTo("see < javascript:alert(1)>");
        assertThat(TeamsMarkdown.card("see <https://example.com>")).isEqualTo("see <https://example.com>");
    }

    @Test
    void linkTargetsAreMadeSafeForMarkdown() {
        assertThat(TeamsMarkdown.link("A [draft] plan", "https://example.com/a b(1)"))
                .isEqualTo("[A (draft) plan](https://example.com/a%20b%281%29)");
        assertThat(TeamsMarkdown.link(null, "https://example.com")).isEqualTo("[https://example.com](https://example.com)");
        assertThat(TeamsMarkdown.link("Just a title", null)).isEqualTo("Just a title");
    }
}

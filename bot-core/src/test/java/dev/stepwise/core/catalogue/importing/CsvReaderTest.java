package dev.stepwise.core.catalogue.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> read(String text) {
        return CsvReader.read(text, ',').stream().map(CsvReader.Record::fields).toList();
    }

    @Test
    void plainRecordsEndWithLfCrlfOrCr() {
        assertThat(read("a,b\n1,2\r\n3,4\r5,6")).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"),
                List.of("5", "6"));
        assertThat(read("a,b\r\n1,2\r\n")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() {
        var records = CsvReader.read("title,description\r\n\"Feedback, fast\",\"Line one\r\nline two\nline \"\"three\"\"\"\r\nnext,x", ',');
        assertThat(records.get(1).fields()).containsExactly("Feedback, fast", "Line one\r\nline two\nline \"three\"");
        assertThat(records.get(2).fields()).containsExactly("next", "x");
        assertThat(records.get(2).line()).isEqualTo(5);
    }

    @Test
    void emptyFieldsAndEmptyQuotedFieldsAreEmptyStrings() {
        assertThat(read("a,,\"\",d\n,\n")).containsExactly(List.of("a", "", "", "d"), List.of("", ""));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertThat(read("\uFEFFtitle,url\nx,y")).containsExactly(List.of("title", "url"), List.of("x", "y"));
    }

    @Test
    void blankLinesAreBlankRecords() {
        var records = CsvReader.read("a,b\n\n1,2\n,\n", ',');
        assertThat(records).extracting(CsvReader.Record::blank).containsExactly(false, true, false, true);
    }

    @Test
    void leniencyThatCannotChangeMeaning() {
        assertThat(read("a 5\" screen,b\n")).containsExactly(List.of("a 5\" screen", "b"));
        assertThat(read("x, \"quoted, with spaces\" ,y")).containsExactly(List.of("x", "quoted, with spaces", "y"));
        assertThat(read(" plain ,y")).containsExactly(List.of(" plain ", "y"));
    }

    @Test
    void otherDelimiters() {
        assertThat(CsvReader.read("a;b\n\"1;2\";3", ';').get(1).fields()).containsExactly("1;2", "3");
        assertThat(CsvReader.read("a\tb\n1\t2", '\t').get(1).fields()).containsExactly("1", "2");
        assertThat(CsvReader.guessDelimiter("title;url;type\n")).isEqualTo(';');
        assertThat(CsvReader.guessDelimiter("title\turl\ttype")).isEqualTo('\t');
        assertThat(CsvReader.guessDelimiter("\"a;b\",c,d")).isEqualTo(',');
        assertThat(CsvReader.guessDelimiter("title")).isEqualTo(',');
    }

    @Test
    void aQuoteThatNeverClosesIsRefusedWithTheLineItOpensOn() {
        assertThatThrownBy(() -> CsvReader.read("a,b\n1,2\n3,\"never\nends", ','))
                .isInstanceOf(CsvReader.SyntaxError.class)
                .hasMessage("The quoted value that starts on line 3 never ends: a closing quote (\") is missing.")
                .satisfies(e -> assertThat(((CsvReader.SyntaxError) e).line()).isEqualTo(3));
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        assertThatThrownBy(() -> CsvReader.read("a,b\n\"x\"y,2", ','))
                .isInstanceOf(CsvReader.SyntaxError.class)
                .hasMessageStartingWith("Line 2 has text right after a closing quote");
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(CsvReader.read("", ',')).isEmpty();
        assertThat(CsvReader.read("\uFEFF", ',')).isEmpty();
    }
}

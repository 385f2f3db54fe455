package dev.stepwise.core.catalogue.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {

    @Test
    void everySettingIsRead() {
        ColumnMapping mapping = ColumnMapping.fromJson("""
                {"columns": {"title": "Name", "url": " Link ", "skills": ["Subject", "Keywords"], "level": "Stage"},
                 "listSeparator": ";", "delimiter": "\\t", "encoding": "windows-1252",
                 "types": {"Podcast": "video"}, "levels": {"Intermediate": "3", "Advanced": 4},
                 "defaults": {"type": "Full Course", "level": "2-4", "language": "French"},
                 "unknownSkills": "IGNORE", "durationUnit": "hours"}""");

        assertThat(mapping.columns()).containsEntry("title", List.of("Name")).containsEntry("url", List.of("Link"))
                .containsEntry("skills", List.of("Subject", "Keywords"));
        assertThat(mapping.listSeparator()).isEqualTo(";");
        assertThat(mapping.delimiter()).isEqualTo('\t');
        assertThat(mapping.encoding()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(mapping.types()).containsEntry("Podcast", "video");
        assertThat(mapping.levels()).containsEntry("Advanced", "4");
        assertThat(mapping.defaultType()).isEqualTo("course");
        assertThat(mapping.defaultLevel()).isEqualTo(new LevelRange(2, 4));
        assertThat(mapping.defaultLanguage()).isEqualTo("fr");
        assertThat(mapping.unknownSkills()).isEqualTo(ColumnMapping.UnknownSkills.IGNORE);
        assertThat(mapping.durationUnit()).isEqualTo(Durations.Unit.HOURS);
    }

    @Test
    void noMappingMeansTheDefaults() {
        assertThat(ColumnMapping.fromJson(null)).isEqualTo(ColumnMapping.DEFAULT);
        assertThat(ColumnMapping.fromJson("  ")).isEqualTo(ColumnMapping.DEFAULT);
        ColumnMapping empty = ColumnMapping.fromJson("{}");
        assertThat(empty.columns()).isEmpty();
        assertThat(empty.listSeparator()).isEqualTo("|");
        assertThat(empty.defaultLevel()).isEqualTo(LevelRange.ANY);
        assertThat(empty.defaultLanguage()).isEqualTo("en");
        assertThat(empty.defaultType()).isNull();
        assertThat(empty.unknownSkills()).isEqualTo(ColumnMapping.UnknownSkills.REJECT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "{\"columns\": {\"title\": \"Name\"| isn't valid JSON",
            "[]| must be a JSON object",
            "{\"colums\": {}}| has a setting 'colums' we don't know",
            "{\"columns\": {\"name\": \"Title\"}}| has a column for 'name', which isn't a field we import",
            "{\"columns\": {\"title\": 3}}| must name a column for 'title' as text",
            "{\"columns\": {\"title\": [\"A\", \"B\"]}}| must name a column for 'title' as text",
            "{\"columns\": {\"title\": \"\"}}| must name a column for 'title' as text",
            "{\"columns\": {\"level\": \"L\", \"levelMin\": \"Min\"}}| names both a 'level' column",
            "{\"columns\": []}| 'columns' must be an object",
            "{\"listSeparator\": \"\"}| 'listSeparator' must be one to three characters",
            "{\"delimiter\": \",,\"}| 'delimiter' must be one character",
            "{\"encoding\": \"martian-8\"}| names the encoding 'martian-8'",
            "{\"types\": {\"Podcast\": \"audio\"}}| maps the type word 'Podcast' to 'audio'",
            "{\"levels\": {\"Intermediate\": \"middling\"}}| maps the level word 'Intermediate' to 'middling'",
            "{\"defaults\": {\"type\": \"podcast\"}}| has the default type 'podcast'",
            "{\"defaults\": {\"level\": \"6\"}}| has the default level '6'",
            "{\"defaults\": {\"language\": \"Klingonese\"}}| has the default language 'Klingonese'",
            "{\"defaults\": {\"title\": \"Untitled\"}}| has a default for 'title'",
            "{\"defaults\": \"course\"}| 'defaults' must be an object",
            "{\"unknownSkills\": \"keep\"}| 'unknownSkills' must be \"reject\" or \"ignore\"",
            "{\"durationUnit\": \"days\"}| 'durationUnit' must be \"minutes\" or \"hours\"",
            "{\"unknownSkills\": {\"a\": 1}}| give it as text"})
    void aBadMappingIsRefusedSayingWhatIsWrong(String json, String expected) {
        assertThatThrownBy(() -> ColumnMapping.fromJson(json)).isInstanceOf(ImportRefused.class)
                .hasMessageStartingWith("The column mapping ").hasMessageContaining(expected.strip());
    }

    @Test
    void theMappingsTypeWordsCountForItsDefaultType() {
        assertThat(ColumnMapping.fromJson("{\"types\": {\"Pod\": \"video\"}, \"defaults\": {\"type\": \"pod\"}}").defaultType())
                .isEqualTo("video");
        assertThat(ColumnMapping.fromJson("{\"levels\": {\"Mid\": \"3\"}, \"defaults\": {\"level\": \"mid\"}}").defaultLevel())
                .isEqualTo(new LevelRange(3, 3));
        assertThat(ColumnMapping.fromJson("{\"delimiter\": \"tab\"}").delimiter()).isEqualTo('\t');
        assertThat(ColumnMapping.fromJson("{\"columns\": {\"skills\": \"Tags\"}}").columns()).isEqualTo(Map.of("skills", List.of("Tags")));
    }
}

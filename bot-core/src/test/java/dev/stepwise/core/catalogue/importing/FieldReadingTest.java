package dev.stepwise.core.catalogue.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How single values of an export are read: types, level ranges, durations, languages and derived keys. */
class FieldReadingTest {

    @ParameterizedTest
    @CsvSource({
            "course,course", "Full Course,course", "e-learning,course", "E_Learning,course", "Online  Course,course",
            "Article,article", "blog post,article", "Video,video", "webinar,video", "Practice,practice", "exercise,practice",
            "workplace activity,stretch-assignment", "Stretch Assignment,stretch-assignment",
            "stretch-assignment,stretch-assignment", "on-the-job,stretch-assignment", "Coaching,coaching",
            "mentoring,mentor", "Mentor,mentor"})
    void typeWords(String word, String type) {
        assertThat(ItemTypes.resolve(word)).contains(type);
    }

    @Test
    void aMappingsTypeWordsComeFirstAndUnknownWordsAreEmpty() {
        assertThat(ItemTypes.resolve("Podcast")).isEmpty();
        assertThat(ItemTypes.resolve(" podcast ", Map.of("Podcast", "video"))).contains("video");
        assertThat(ItemTypes.resolve("project", Map.of("Project", "practice"))).contains("practice");
    }

    @ParameterizedTest
    @CsvSource({
            "3,3,3", "2-4,2,4", "2 - 4,2,4", "2\u20134,2,4", "2 to 4,2,4", "1..5,1,5", "Novice,1,1",
            "advanced beginner,2,2", "Advanced-Beginner,2,2", "Competent - Proficient,3,4", "novice to expert,1,5",
            "Advanced Beginner-Competent,2,3", "All levels,1,5", "any,1,5", "3+,3,5", "Proficient +,4,5"})
    void levelRanges(String text, int min, int max) {
        assertThat(LevelRange.parse(text, Map.of())).contains(new LevelRange(min, max));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "4-2", "Expert-Novice", "Intermediate", "2-", "-2", "three", "", "+", "6+"})
    void notLevelRanges(String text) {
        assertThat(LevelRange.parse(text, Map.of())).isEmpty();
    }

    @Test
    void aMappingsLevelWordsComeFirst() {
        assertThat(LevelRange.parse("intermediate", Map.of("Intermediate", "2-3"))).contains(new LevelRange(2, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "90;90", "90 min;90", "90 mins;90", "90 minutes;90", "1h 30m;90", "1h30;90", "1h30m;90", "1.5 hours;90",
            "1,5 h;90", "2 hours;120", "1 hour 30 minutes;90", "1 hour and 30 minutes;90", "01:30;90", "1:30:00;90",
            "0:00:30;1", "PT1H30M;90", "pt45m;45", "PT90S;2", "45 sec;1", "  15  ;15"})
    void durations(String text, int minutes) {
        assertThat(Durations.minutes(text, Durations.Unit.MINUTES)).contains(minutes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0 min", "-5", "soon", "3 weeks", "90 months", "PT", "1h 30m extra", "30 1h", "999999 hours"})
    void notDurations(String text) {
        assertThat(Durations.minutes(text, Durations.Unit.MINUTES)).isEmpty();
    }

    @Test
    void aBareNumberIsInTheMappingsUnit() {
        assertThat(Durations.minutes("1.5", Durations.Unit.HOURS)).contains(90);
        assertThat(Durations.minutes("90 min", Durations.Unit.HOURS)).contains(90);
    }

    @ParameterizedTest
    @CsvSource({"en,en", "EN,en", "en-gb,en-GB", "fr_CA,fr-CA", "English,en", "french,fr", "de,de"})
    void languages(String text, String tag) {
        assertThat(Languages.tag(text)).contains(tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Klingonese", "e", "en--gb", "12"})
    void notLanguages(String text) {
        assertThat(Languages.tag(text)).isEqualTo(Optional.empty());
    }

    @Test
    void derivedKeysAreStableAcrossSpellingsOfTheSameUrl() {
        String key = ItemKeys.fromUrl("https://learning.example/courses/feedback");
        assertThat(key).startsWith("url-").hasSize(4 + 24);
        assertThat(ItemKeys.fromUrl("HTTPS://Learning.Example:443/courses/feedback/#intro")).isEqualTo(key);
        assertThat(ItemKeys.fromUrl(" https://learning.example/courses/feedback ")).isEqualTo(key);
        assertThat(ItemKeys.fromUrl("https://learning.example/courses/Feedback")).isNotEqualTo(key);
        assertThat(ItemKeys.fromUrl("https://learning.example/courses/feedback?id=2")).isNotEqualTo(key);
    }
}

package dev.stepwise.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prompt in use, rendered with fixed inputs ({@code golden/<name>.vN.inputs.properties}), must equal its golden
 * rendering ({@code golden/<name>.vN.txt}) byte for byte. A wording change shows up here as a diff to review; write
 * the new golden file with {@code -Dprompts.golden.update=true} and read it before committing.
 */
class PromptGoldenTest {

    static Stream<String> promptsInUse() {
        return Prompts.current().entrySet().stream().map(e -> e.getKey() + ".v" + e.getValue());
    }

    @ParameterizedTest
    @MethodSource("promptsInUse")
    void rendersExactlyAsItsGoldenFile(String id) throws IOException {
        String name = id.substring(0, id.lastIndexOf(".v"));
        Prompt prompt = Prompts.load(name);
        RenderedPrompt rendered = prompt.render(inputs(id));
        String actual = "=== system\n" + rendered.system() + "\n=== user\n" + rendered.user() + "\n";

        Path golden = Path.of("src/test/resources/golden", id + ".txt");
        if (Boolean.getBoolean("prompts.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden rendering of %s (write it with -Dprompts.golden.update=true)", id).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static Map<String, String> inputs(String id) throws IOException {
        String resource = "golden/" + id + ".inputs.properties";
        try (InputStream in = PromptGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("fixed inputs %s for the prompt's golden test", resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> values = new LinkedHashMap<>();
            properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
            return values;
        }
    }
}

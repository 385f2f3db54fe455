package dev.stepwise.teams.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Microsoft's Adaptive Cards renderer (the {@code adaptivecards} npm package pinned in {@code src/test/browser}) in
 * Debian's headless Chromium, showing a card as a Teams chat in the light theme does: Teams' light host config, Teams'
 * button and input look, and a chat of a given width. See {@code src/test/browser/render-in-teams.js} for what is
 * measured.
 */
final class TeamsRendererInChromium implements AutoCloseable {

    static final Path FOLDER = Path.of("src", "test", "browser");
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final List<String> PACKAGES = List.of("adaptivecards");

    /** What the renderer made of a card. */
    record Rendering(List<String> rejected, List<CutLabel> cut, List<String> notShown, int buttons) {
    }

    /** A label shown shortened: {@code kind} is button, choice, option (of a drop-down) or text. */
    record CutLabel(String kind, String label) {
    }

    private final WebDriver browser;
    private final String hostConfig;

    private TeamsRendererInChromium(WebDriver browser, String hostConfig) {
        this.browser = browser;
        this.hostConfig = hostConfig;
    }

    /** Empty when the renderer can run here (installing its package if needed), else why not. */
    static Optional<String> unavailable() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            return Optional.of("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        return BrowserPackages.ensureInstalled(FOLDER, PACKAGES);
    }

    static TeamsRendererInChromium start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--window-size=1000,1600",
                "--user-data-dir=" + Files.createTempDirectory("stepwise-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(FOLDER.resolve("teams-chat.html").toAbsolutePath().toUri().toString());
            Object ready = ((JavascriptExecutor) browser).executeScript(
                    "return typeof window.AdaptiveCards === 'object' && typeof window.renderInTeams === 'function';");
            if (!Boolean.TRUE.equals(ready)) {
                throw new IllegalStateException("The Adaptive Cards renderer did not load in " + FOLDER.resolve("teams-chat.html"));
            }
            return new TeamsRendererInChromium(browser, Files.readString(FOLDER.resolve("teams-light-host-config.json")));
        } catch (RuntimeException | IOException e) {
            browser.quit();
            throw e;
        }
    }

    /** Renders the card in a chat {@code widthPx} wide and reports what a reader would miss. */
    @SuppressWarnings("unchecked")
    Rendering render(ObjectNode card, int widthPx) {
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "return window.renderInTeams(arguments[0], arguments[1], arguments[2]);", card.toString(), hostConfig, widthPx);
        List<CutLabel> cut = ((List<Map<String, Object>>) result.get("cut")).stream()
                .map(c -> new CutLabel((String) c.get("kind"), (String) c.get("label"))).toList();
        return new Rendering((List<String>) result.get("rejected"), cut, (List<String>) result.get("notShown"),
                ((Number) result.get("buttons")).intValue());
    }

    /** A picture of the card last rendered. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path taken = browser.findElement(By.id("chat")).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browser.quit();
    }
}

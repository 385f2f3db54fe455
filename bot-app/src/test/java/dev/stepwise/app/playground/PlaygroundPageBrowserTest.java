package dev.stepwise.app.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The playground page in a real headless Chromium: a visitor gives feedback in one pane and sees it arrive in
 * the colleague's pane. Needs Debian's {@code chromium} and {@code chromium-driver} (CI's {@code .ci/run}
 * installs them); without them the test is reported as skipped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundPageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final String LONG_OBJECTIVE = "Run a monthly reliability review with every platform engineer";
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory("stepwise-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void feedbackGivenInOnePaneArrivesInTheColleaguesPane() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(b -> b.findElements(By.cssSelector(".pane[data-person-id]")).size() >= 2);

        List<WebElement> panes = browser.findElements(By.cssSelector(".pane"));
        WebElement giver = panes.get(0);
        WebElement receiver = panes.get(1);
        String receiverName = new Select(receiver.findElement(By.cssSelector("select.person-picker")))
                .getFirstSelectedOption().getText().split(" \u2014 ")[0];

        giver.findElement(By.cssSelector(".composer input[name=text]")).sendKeys("give feedback to " + receiverName);
        giver.findElement(By.cssSelector(".composer button[type=submit]")).click();

        wait.until(b -> !giver.findElements(By.cssSelector("button.choice")).isEmpty());
        giver.findElements(By.cssSelector("button.choice")).getFirst().click();

        wait.until(b -> !giver.findElements(By.cssSelector("form.block-form textarea[name=text]")).isEmpty());
        WebElement form = giver.findElement(By.cssSelector("form.block-form"));
        form.findElement(By.cssSelector("textarea[name=text]")).sendKeys("Your release notes were a model of clarity.");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(b -> giver.findElement(By.cssSelector(".conversation")).getText().contains("Thanks!"));
        wait.until(b -> receiver.findElement(By.cssSelector(".conversation")).getText()
                .contains("Your release notes were a model of clarity."));
        assertThat(receiver.findElement(By.cssSelector(".conversation")).getText()).contains("New feedback from");
        assertThat(giver.findElement(By.cssSelector(".pane-error")).isDisplayed()).isFalse();

        Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "playground.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @SuppressWarnings("unchecked")
    void longChoiceLabelsWrapInANarrowWindowInsteadOfBeingCut() throws Exception {
        browser.manage().window().setSize(new Dimension(420, 1000));
        try {
            browser.get("http://127.0.0.1:" + port + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(b -> !b.findElements(By.cssSelector(".pane[data-person-id]")).isEmpty());
            WebElement pane = browser.findElements(By.cssSelector(".pane")).getFirst();
            Select picker = new Select(pane.findElement(By.cssSelector("select.person-picker")));
            picker.getOptions().stream().filter(o -> o.getText().startsWith("Amara Okafor")).findFirst().orElseThrow().click();
            String amara = picker.getFirstSelectedOption().getAttribute("value");
            wait.until(b -> amara.equals(pane.getAttribute("data-person-id")));

            pane.findElement(By.cssSelector(".composer input[name=text]")).sendKeys("request feedback from Kofi Mensah");
            pane.findElement(By.cssSelector(".composer button[type=submit]")).click();
            wait.until(b -> pane.findElements(By.cssSelector("button.choice")).stream()
                    .anyMatch(c -> c.getText().contains(LONG_OBJECTIVE)));

            List<String> cut = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                    const pane = arguments[0];
                    const box = pane.querySelector('.conversation').getBoundingClientRect();
                    return Array.from(pane.querySelectorAll('button.choice')).filter((b) => {
                      const r = b.getBoundingClientRect();
                      return b.scrollWidth > b.clientWidth + 1 || r.left < box.left - 1 || r.right > box.right + 1;
                    }).map((b) => b.textContent);""", pane);
            Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, Path.of("target", "playground-narrow.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(cut).as("choice labels cut or outside the conversation in a 420 px window").isEmpty();
            WebElement longChoice = pane.findElements(By.cssSelector("button.choice")).stream()
                    .filter(c -> c.getText().contains(LONG_OBJECTIVE)).findFirst().orElseThrow();
            assertThat(longChoice.getText()).isEqualTo(LONG_OBJECTIVE);
            assertThat(longChoice.getSize().getHeight()).as("the long label wraps onto more lines").isGreaterThan(40);

            pane.findElement(By.cssSelector(".composer input[name=text]")).sendKeys("cancel");
            pane.findElement(By.cssSelector(".composer button[type=submit]")).click();
            wait.until(b -> pane.findElement(By.cssSelector(".conversation")).getText().contains("cancelled"));
        } finally {
            ((JavascriptExecutor) browser).executeScript("window.localStorage.clear();");
            browser.manage().window().setSize(new Dimension(1600, 1000));
        }
    }
}

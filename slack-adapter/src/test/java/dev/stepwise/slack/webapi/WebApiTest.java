package dev.stepwise.slack.webapi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** WireMock playing Slack for the test class, and a fresh {@link SlackWebApi} with default settings per test. */
abstract class WebApiTest {

    static WireMockSlack slack;
    /** The application's clock, standing at the base instant; waits are real. */
    final TestClock clock = new TestClock();
    SlackWebApi api;

    @BeforeAll
    static void startSlack() {
        slack = new WireMockSlack();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void newApi() {
        slack.reset();
        api = new SlackWebApi(slack.settings(), clock);
    }

    @AfterEach
    void closeApi() throws Exception {
        api.close();
    }
}

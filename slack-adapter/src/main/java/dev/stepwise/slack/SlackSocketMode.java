package dev.stepwise.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode, for development without a public URL: Slack delivers the same events, commands and
 * interactions over a WebSocket opened with the app-level token, and the same Bolt app answers them.
 */
public class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final App app;
    private final String appToken;
    private SocketModeApp socketMode;

    public SlackSocketMode(App app, String appToken) {
        if (appToken == null || !appToken.startsWith("xapp-")) {
            throw new IllegalStateException("Socket Mode needs an app-level token (xapp-…) in stepwise.slack.app-token or SLACK_APP_TOKEN");
        }
        this.app = app;
        this.appToken = appToken;
    }

    @Override
    public synchronized void start() {
        try {
            socketMode = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
            socketMode.startAsync();
            log.info("Slack Socket Mode connected");
        } catch (Exception failure) {
            throw new IllegalStateException("Couldn't start Slack Socket Mode: " + failure.getMessage(), failure);
        }
    }

    @Override
    public synchronized void stop() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception ignored) {
                log.debug("Socket Mode closed with an error", ignored);
            }
            socketMode = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return socketMode != null;
    }
}

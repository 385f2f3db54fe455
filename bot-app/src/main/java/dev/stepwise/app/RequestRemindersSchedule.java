package dev.stepwise.app;

import dev.stepwise.core.feedback.requests.RequestReminders;
import dev.stepwise.core.situations.FollowUpSender;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the clock every minute: feedback-request reminders, snoozes ending, requests closing at their due date, and
 * the "how did it go?" check-ins after just-in-time help. Every instance may run it: each message is claimed in
 * PostgreSQL before it is sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RequestRemindersSchedule {

    private static final Logger log = LoggerFactory.getLogger(RequestRemindersSchedule.class);

    private final RequestReminders reminders;
    private final FollowUpSender followUps;
    private final Clock clock;

    RequestRemindersSchedule(RequestReminders reminders, FollowUpSender followUps, Clock clock) {
        this.reminders = reminders;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stepwise.requests.clock-interval:60s}", initialDelayString = "${stepwise.requests.clock-interval:60s}")
    void run() {
        try {
            reminders.runAt(clock.instant());
        } catch (RuntimeException failure) {
            log.error("The feedback-request clock failed; it runs again in a minute", failure);
        }
        try {
            followUps.runAt(clock.instant());
        } catch (RuntimeException failure) {
            log.error("Sending check-ins failed; they are tried again in a minute", failure);
        }
    }
}

package dev.stepwise.app;

import dev.stepwise.core.feedback.requests.RequestReminders;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the feedback-request clock (reminders, snoozes ending, requests closing at their due date) every minute.
 * Every instance may run it: each message is claimed in PostgreSQL before it is sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RequestRemindersSchedule {

    private static final Logger log = LoggerFactory.getLogger(RequestRemindersSchedule.class);

    private final RequestReminders reminders;
    private final Clock clock;

    RequestRemindersSchedule(RequestReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stepwise.requests.clock-interval:60s}", initialDelayString = "${stepwise.requests.clock-interval:60s}")
    void run() {
        try {
            reminders.runAt(clock.instant());
        } catch (RuntimeException failure) {
            log.error("The feedback-request clock failed; it runs again in a minute", failure);
        }
    }
}

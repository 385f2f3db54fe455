package dev.stepwise.core.organisation;

import java.util.UUID;

/** A tenant: one company, reached through its Slack workspaces / Enterprise org and its Teams tenant. */
public record Organisation(UUID id, String key, String name, boolean anonymousFeedbackAllowed) {
}

package dev.stepwise.core.organisation;

/**
 * How a platform names an organisation: Slack team or enterprise id, Teams tenant id.
 *
 * @param platform "slack" or "teams"
 * @param kind     "team", "enterprise" or "tenant"
 */
public record ChannelIdentity(String platform, String kind, String externalId) {
}

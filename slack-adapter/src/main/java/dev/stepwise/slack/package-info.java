/**
 * The Slack adapter (Bolt for Java): verifies and parses Slack requests into the core's neutral inbound events
 * and renders neutral blocks as Block Kit. Not built yet: it is the subject of its own issue. Slack types stay
 * inside this module.
 */
package dev.stepwise.slack;

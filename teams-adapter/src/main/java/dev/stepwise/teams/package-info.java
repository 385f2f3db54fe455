/**
 * The Microsoft Teams adapter (Bot Framework protocol): validates Bot Connector JWTs, parses activities into the
 * core's neutral inbound events and renders neutral blocks as Adaptive Cards. Not built yet: it is the subject of
 * its own issue. Bot Framework types stay inside this module.
 */
package dev.stepwise.teams;

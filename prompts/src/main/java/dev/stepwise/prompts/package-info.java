/**
 * Prompt templates as versioned resources, loaded by name, with golden tests. Empty until the LLM features
 * (just-in-time help, summaries) arrive in their own issue: nothing in Stepwise needs an LLM yet.
 */
package dev.stepwise.prompts;

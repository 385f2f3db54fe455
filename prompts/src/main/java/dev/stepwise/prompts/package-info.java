/**
 * Prompt templates as versioned resources, loaded by name ({@link Prompts}), rendered with named inputs
 * ({@link Prompt#render}), and pinned by golden tests. Nothing here calls a model.
 */
package dev.stepwise.prompts;

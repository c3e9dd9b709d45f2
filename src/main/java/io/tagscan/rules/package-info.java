/**
 * The rules: pure functions from a dictionary and a resource to findings, with exemptions applied;
 * nothing here reads a file, a clock or the network.
 */
package io.tagscan.rules;

/**
 * Proactive controls made from the tagging dictionary (Organizations tag policies, service control
 * policies, AWS Config rules, Service Catalog TagOptions) and a dictionary read back from a tag
 * policy; pure text in, text out, with no AWS calls.
 */
package io.tagscan.controls;

/**
 * The JSON shapes of the model's records (accounts, tags, scan errors, SageMaker figures), written
 * the same way by the snapshot writer, the JSON report and the account list.
 */
package io.tagscan.model.json;

package org.apache.camel.component.mimecast.directory.consumer;

/**
 * A group the consumer reads.
 *
 * @param id          the Mimecast ID
 * @param description the name, when known (groups found by groupQuery)
 */
record WatchedGroup(String id, String description) {
}

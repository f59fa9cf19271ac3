package org.apache.camel.component.mimecast.directory;

/**
 * What the consumer emits each poll.
 */
public enum ConsumerMode {
    /** Every page of every watched group, every poll. */
    snapshot,
    /** Only the members added to or removed from each group since the last completed poll. */
    changes
}

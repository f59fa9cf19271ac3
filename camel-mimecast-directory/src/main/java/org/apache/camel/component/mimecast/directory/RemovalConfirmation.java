package org.apache.camel.component.mimecast.directory;

/** How the changes consumer confirms that a member missing from a read is gone (option removalConfirmation). */
public enum RemovalConfirmation {
    /** Read the group again in the same poll; REMOVED only when missing from both reads. */
    secondRead,
    /** REMOVED by the next poll when still missing then: no extra call, reported one poll later. */
    nextPoll
}

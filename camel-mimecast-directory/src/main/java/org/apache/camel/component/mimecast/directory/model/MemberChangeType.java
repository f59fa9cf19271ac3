package org.apache.camel.component.mimecast.directory.model;

/** Whether a member joined or left a group. */
public enum MemberChangeType {
    ADDED,
    REMOVED
}

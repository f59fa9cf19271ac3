package org.apache.camel.component.mimecast.directory.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per watched group: when it was last read, how many members it had, how many changes were delivered and its last
 * error. Shown by the developer console; the messages are those the consumer reports, already free of secrets.
 */
public final class GroupStatistics {

    /** One group's figures. */
    public record Group(String groupId, Instant lastRead, int members, long changesEmitted, String lastError) {
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong pollNanos = new AtomicLong();

    void polled(long nanos) {
        pollNanos.addAndGet(nanos);
        polls.incrementAndGet();
    }

    /** Polls run so far, completed or failed. */
    public long polls() {
        return polls.get();
    }

    /** The time all polls took, in nanoseconds. */
    public long pollNanos() {
        return pollNanos.get();
    }

    /** Groups whose last read or delivery failed. */
    public long failingGroups() {
        return groups.values().stream().filter(g -> g.lastError() != null).count();
    }

    void read(String groupId, int members) {
        groups.compute(groupId, (id, g) -> new Group(id, Instant.now(), members, g == null ? 0 : g.changesEmitted(),
                null));
    }

    void emitted(String groupId, int changes) {
        groups.compute(groupId, (id, g) -> g == null ? new Group(id, null, 0, changes, null)
                : new Group(id, g.lastRead(), g.members(), g.changesEmitted() + changes, g.lastError()));
    }

    void failed(String groupId, String error) {
        groups.compute(groupId, (id, g) -> g == null ? new Group(id, null, 0, 0, error)
                : new Group(id, g.lastRead(), g.members(), g.changesEmitted(), error));
    }

    /** Every group seen so far, by id. */
    public Map<String, Group> groups() {
        return Map.copyOf(groups);
    }
}

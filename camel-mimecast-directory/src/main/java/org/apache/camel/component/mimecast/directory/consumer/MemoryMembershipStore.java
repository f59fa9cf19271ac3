package org.apache.camel.component.mimecast.directory.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** State kept in memory only (neither stateFile nor stateRepository set): a restart starts with a new baseline. */
class MemoryMembershipStore extends MembershipStore {

    protected final Map<String, Set<String>> groups = new HashMap<>();

    @Override
    String describe(String groupId) {
        return "in memory";
    }

    @Override
    synchronized Set<String> load(String groupId) {
        Set<String> members = groups.get(groupId);
        return members == null ? null : new LinkedHashSet<>(members);
    }

    @Override
    synchronized void apply(String groupId, Collection<String> added, Collection<String> removed) {
        groups.put(groupId, applyTo(groups.get(groupId), added, removed));
    }
}

package org.apache.camel.component.mimecast.directory.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository;
import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository.GroupWrite;
import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository.StoredGroup;
import org.apache.camel.component.mimecast.directory.state.StaleStateException;

/**
 * State in a {@link JdbcMembershipRepository} ({@code stateRepository=#bean} with that type): one row per member, so
 * an exchange writes the rows of its changes only. The group is cached with the version it was read at; every write
 * names that version and is refused when another node wrote since (the exchange then fails, nothing is committed,
 * and the cache is dropped so the next poll reads the group again). A claim (the start of each poll) checks the
 * version with one indexed read and reads the group again only when another node changed it.
 */
final class JdbcMembershipStore extends MembershipStore {

    private final JdbcMembershipRepository repository;
    private final Map<String, StoredGroup> cache = new HashMap<>();
    private final Set<String> toCheck = new HashSet<>();
    /** Groups whose last write was refused: no more writes from the diff of that poll, until the next claim. */
    private final Map<String, String> refused = new HashMap<>();

    JdbcMembershipStore(JdbcMembershipRepository repository) {
        this.repository = repository;
    }

    @Override
    String describe(String groupId) {
        return repository + ", group_id " + groupId;
    }

    @Override
    synchronized void claim(String groupId, Object owner) {
        super.claim(groupId, owner);
        toCheck.add(groupId);
        refused.remove(groupId);
    }

    @Override
    synchronized Set<String> load(String groupId) {
        StoredGroup group = group(groupId);
        return group.membersKnown() ? new LinkedHashSet<>(group.members()) : null;
    }

    @Override
    synchronized Set<String> pending(String groupId) {
        return new LinkedHashSet<>(group(groupId).pending());
    }

    @Override
    synchronized void begin(String groupId, Collection<String> identities) {
        StoredGroup group = group(groupId);
        Set<String> newlyPending = new LinkedHashSet<>(identities);
        newlyPending.removeAll(group.pending());
        // Written even when nothing is newly pending (the same exchange again): the write's compare-and-set is what
        // fences an exchange, so that a stale leader that resumes cannot emit it after another node moved on.
        Set<String> pending = new LinkedHashSet<>(group.pending());
        pending.addAll(newlyPending);
        write(groupId, group, new GroupWrite(group.membersKnown(), List.of(), List.of(), pending));
        group.pending().addAll(newlyPending);
    }

    @Override
    synchronized void apply(String groupId, Collection<String> added, Collection<String> removed) {
        StoredGroup group = group(groupId);
        Set<String> insert = new LinkedHashSet<>(added);
        insert.removeAll(group.members());
        Set<String> delete = new LinkedHashSet<>(removed);
        delete.retainAll(group.members());
        delete.removeAll(insert);
        Set<String> settled = new LinkedHashSet<>(added);
        settled.addAll(removed);
        settled.retainAll(group.pending());
        if (group.membersKnown() && insert.isEmpty() && delete.isEmpty() && settled.isEmpty()) {
            return;
        }
        Set<String> pending = new LinkedHashSet<>(group.pending());
        pending.removeAll(settled);
        write(groupId, group, new GroupWrite(true, insert, delete, pending));
        group.members().addAll(insert);
        group.members().removeAll(delete);
        group.pending().removeAll(settled);
    }

    private void write(String groupId, StoredGroup group, GroupWrite write) {
        long version;
        try {
            version = repository.write(groupId, group.version(), write);
        } catch (StaleStateException e) {
            cache.remove(groupId);
            String message = e.getMessage() + ". This exchange is not committed; the node that wrote goes on from its"
                             + " own state, and this one reads the group again at its next poll";
            refused.put(groupId, message);
            throw new MembershipStateException(message, e);
        } catch (RuntimeException e) {
            // The outcome is unknown (a timeout during the commit): read what the database holds next time.
            cache.remove(groupId);
            throw e;
        }
        cache.put(groupId, new StoredGroup(version, write.membersKnown(), group.members(), group.pending()));
    }

    /** The cached group, checked against the database once per claim; never null (an unknown group is empty). */
    private StoredGroup group(String groupId) {
        String refusal = refused.get(groupId);
        if (refusal != null) {
            throw new MembershipStateException(refusal);
        }
        StoredGroup cached = cache.get(groupId);
        if (cached != null && toCheck.remove(groupId) && repository.version(groupId) != cached.version()) {
            cached = null;
        }
        if (cached == null) {
            StoredGroup read = repository.read(groupId);
            cached = read != null ? read : new StoredGroup(0, false, new HashSet<>(), new HashSet<>());
            cache.put(groupId, cached);
            toCheck.remove(groupId);
        }
        return cached;
    }
}

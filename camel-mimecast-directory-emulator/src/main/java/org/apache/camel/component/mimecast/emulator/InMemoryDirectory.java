package org.apache.camel.component.mimecast.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The directory the emulator serves: groups and their members, kept in insertion order. Thread safe. Tests seed it
 * directly and read it back to check what a route changed.
 */
public final class InMemoryDirectory {

    /** A group as stored. */
    public record StoredGroup(String id, String description, String parentId, String source) {
    }

    /** A member as stored: an email address or a domain. */
    public record StoredMember(String emailAddress, String domain, String name, String memberId, boolean internal,
            String notes) {

        String identity() {
            return (emailAddress != null ? emailAddress : domain).toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, StoredGroup> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, StoredMember>> members = new LinkedHashMap<>();
    private final List<String> appliedChanges = new ArrayList<>();
    private final java.util.Set<String> protectedAddresses = new java.util.HashSet<>();
    private final AtomicLong ids = new AtomicLong();
    private String internalDomain = "example.com";
    private ConnectionState connection = ConnectionState.INITIAL;

    /**
     * The directory connection's sync state, as get-connection reports it.
     *
     * @param status      the connection status, e.g. "ok" or "error"
     * @param lastSync    when the last sync finished (ISO-8601)
     * @param syncRunning whether a sync is running (execute-sync starts one)
     */
    public record ConnectionState(String status, String lastSync, boolean syncRunning) {
        static final ConnectionState INITIAL = new ConnectionState("ok", "2026-01-01T00:00:00+0000", false);
    }

    public synchronized StoredGroup createGroup(String description) {
        return createGroup(description, null, "cloud");
    }

    public synchronized StoredGroup createGroup(String description, String parentId, String source) {
        StoredGroup group = new StoredGroup(newId("group"), description, parentId, source);
        groups.put(group.id(), group);
        members.put(group.id(), new LinkedHashMap<>());
        return group;
    }

    public synchronized Optional<StoredGroup> group(String id) {
        return Optional.ofNullable(id == null ? null : groups.get(id));
    }

    public synchronized List<StoredGroup> groups() {
        return List.copyOf(groups.values());
    }

    public synchronized Optional<StoredGroup> updateGroup(String id, String description, String parentId) {
        StoredGroup old = groups.get(id);
        if (old == null) {
            return Optional.empty();
        }
        StoredGroup updated = new StoredGroup(
                id, description != null ? description : old.description(), parentId != null ? parentId : old.parentId(),
                old.source());
        groups.put(id, updated);
        return Optional.of(updated);
    }

    public synchronized boolean deleteGroup(String id) {
        members.remove(id);
        return groups.remove(id) != null;
    }

    public synchronized int childCount(String id) {
        return (int) groups.values().stream().filter(g -> id.equals(g.parentId())).count();
    }

    /** Seeds a user member; returns empty when the address is already a member. Not an API change. */
    public synchronized Optional<StoredMember> addMember(String groupId, String emailAddress, String notes) {
        return add(groupId, emailAddress, null, notes, false);
    }

    /** Seeds a domain member; returns empty when the domain is already a member. Not an API change. */
    public synchronized Optional<StoredMember> addDomain(String groupId, String domain, String notes) {
        return add(groupId, null, domain, notes, false);
    }

    /** add-group-member through the API: recorded in {@link #appliedChanges()}. */
    synchronized Optional<StoredMember> applyAdd(String groupId, String emailAddress, String domain, String notes) {
        return add(groupId, emailAddress, domain, notes, true);
    }

    private Optional<StoredMember> add(String groupId, String emailAddress, String domain, String notes,
                                       boolean viaApi) {
        Map<String, StoredMember> groupMembers = requireGroup(groupId);
        String domainOf = domain != null ? domain : emailAddress.substring(emailAddress.indexOf('@') + 1);
        String name = emailAddress == null ? null : emailAddress.substring(0, emailAddress.indexOf('@'));
        StoredMember member = new StoredMember(emailAddress, domainOf, name, newId("member"),
                domainOf.equalsIgnoreCase(internalDomain), notes);
        if (groupMembers.putIfAbsent(member.identity(), member) != null) {
            return Optional.empty();
        }
        if (viaApi) {
            appliedChanges.add("add " + groupId + " " + member.identity());
        }
        return Optional.of(member);
    }

    /** Adds {@code count} generated users {@code user00001@example.com ...} to a group. */
    public synchronized void addMembers(String groupId, int count) {
        Map<String, StoredMember> groupMembers = requireGroup(groupId);
        int start = groupMembers.size();
        for (int i = 1; i <= count; i++) {
            String email = String.format(Locale.ROOT, "user%05d@%s", start + i, internalDomain);
            groupMembers.putIfAbsent(email, new StoredMember(email, internalDomain, "user" + (start + i),
                    newId("member"), true, null));
        }
    }

    /** Removes a member by email address or domain, as a test fixture; returns empty when it was not a member. */
    public synchronized Optional<StoredMember> removeMember(String groupId, String emailAddressOrDomain) {
        return Optional.ofNullable(requireGroup(groupId).remove(emailAddressOrDomain.toLowerCase(Locale.ROOT)));
    }

    /** remove-group-member through the API: recorded in {@link #appliedChanges()}. */
    synchronized Optional<StoredMember> applyRemove(String groupId, String emailAddressOrDomain) {
        StoredMember removed = requireGroup(groupId).remove(emailAddressOrDomain.toLowerCase(Locale.ROOT));
        if (removed != null) {
            appliedChanges.add("remove " + groupId + " " + removed.identity());
        }
        return Optional.ofNullable(removed);
    }

    public synchronized List<StoredMember> members(String groupId) {
        return List.copyOf(requireGroup(groupId).values());
    }

    public synchronized List<String> memberEmails(String groupId) {
        return requireGroup(groupId).values().stream().map(StoredMember::identity).collect(Collectors.toList());
    }

    /** Every member change applied through the API, in order ("add groupId email", "remove groupId email"). */
    public synchronized List<String> appliedChanges() {
        return List.copyOf(appliedChanges);
    }

    /** The domain whose members are reported as internal. */
    public synchronized void setInternalDomain(String internalDomain) {
        this.internalDomain = internalDomain;
    }

    public synchronized ConnectionState connection() {
        return connection;
    }

    /** Sets what get-connection reports, e.g. a failed or finished sync. */
    public synchronized void setConnection(ConnectionState connection) {
        this.connection = connection;
    }

    /** What execute-sync does: marks a sync as running. */
    synchronized void startSync() {
        connection = new ConnectionState(connection.status(), connection.lastSync(), true);
    }

    /**
     * Makes add-group-member and remove-group-member refuse this address or domain with
     * {@code err_xdk_operation_forbidden_for_address} (as Mimecast does for some addresses), to test partial failures.
     */
    public synchronized void protectAddress(String emailAddressOrDomain) {
        protectedAddresses.add(emailAddressOrDomain.toLowerCase(Locale.ROOT));
    }

    synchronized boolean isProtected(String emailAddressOrDomain) {
        return protectedAddresses.contains(emailAddressOrDomain.toLowerCase(Locale.ROOT));
    }

    public synchronized void clear() {
        connection = ConnectionState.INITIAL;
        protectedAddresses.clear();
        groups.clear();
        members.clear();
        appliedChanges.clear();
    }

    synchronized Collection<StoredGroup> findGroups(String query, String source) {
        return groups.values().stream()
                .filter(g -> query == null || g.description().toLowerCase(Locale.ROOT)
                        .contains(query.toLowerCase(Locale.ROOT)))
                .filter(g -> source == null || source.equals(g.source()))
                .collect(Collectors.toList());
    }

    synchronized int memberCount(String groupId) {
        Map<String, StoredMember> groupMembers = members.get(groupId);
        return groupMembers == null ? 0 : groupMembers.size();
    }

    private Map<String, StoredMember> requireGroup(String groupId) {
        Map<String, StoredMember> groupMembers = members.get(groupId);
        if (groupMembers == null) {
            throw new IllegalArgumentException("No group with id " + groupId);
        }
        return groupMembers;
    }

    private String newId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }
}

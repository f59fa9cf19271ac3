package org.apache.camel.component.mimecast.directory.consumer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.spi.StateRepository;

/**
 * State in any Camel {@link StateRepository} ({@code stateRepository=#bean}): one key per group whose value is the
 * group's identities, gzip'd and Base64url encoded without padding (no '=' or line breaks). The whole value is written
 * after every completed exchange, so the cost per exchange grows with the group (about 3.5 bytes per member); whether
 * that write is atomic and durable is up to the repository.
 */
final class RepositoryMembershipStore extends MembershipStore {

    static final String KEY_PREFIX = "mimecast-directory.members.";

    private final StateRepository<String, String> repository;
    private final Map<String, Set<String>> cache = new HashMap<>();
    private final Map<String, Set<String>> pendingCache = new HashMap<>();

    RepositoryMembershipStore(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    @Override
    String describe(String groupId) {
        return "stateRepository " + repository.getClass().getSimpleName() + ", keys " + key(groupId) + " and "
               + pendingKey(groupId);
    }

    /**
     * Forgets what this JVM cached of the group: it is claimed at the start of each poll, and since its last poll
     * another node (behind {@code master:}, sharing the repository) may have committed or begun exchanges.
     */
    @Override
    synchronized void claim(String groupId, Object owner) {
        super.claim(groupId, owner);
        cache.remove(groupId);
        pendingCache.remove(groupId);
    }

    @Override
    synchronized Set<String> load(String groupId) {
        Set<String> members = cache.get(groupId);
        if (members == null) {
            String value = repository.getState(key(groupId));
            if (value == null) {
                return null;
            }
            try {
                members = decode(value);
            } catch (RuntimeException e) {
                throw new MembershipStateException(
                        "The consumer state of group " + groupId + " (" + describe(groupId) + ") is unreadable ("
                                                   + e.getMessage() + "); nothing was emitted. Way out: remove that "
                                                   + "key from the repository to start the group over (the next poll "
                                                   + "then reports every current member as ADDED once)",
                        e);
            }
            cache.put(groupId, members);
        }
        return new LinkedHashSet<>(members);
    }

    @Override
    synchronized void apply(String groupId, Collection<String> added, Collection<String> removed) {
        Set<String> members = load(groupId);
        members = applyTo(members, added, removed);
        repository.setState(key(groupId), encode(members));
        cache.put(groupId, members);
        // Second write: a crash between the two leaves the slice pending, so the next poll repeats this exchange
        // only, which the promise allows.
        Set<String> uncommitted = pending(groupId);
        if (!uncommitted.isEmpty() && (uncommitted.removeAll(added) | uncommitted.removeAll(removed))) {
            savePending(groupId, uncommitted);
        }
    }

    @Override
    synchronized void begin(String groupId, Collection<String> identities) {
        Set<String> uncommitted = pending(groupId);
        if (uncommitted.addAll(identities)) {
            savePending(groupId, uncommitted);
        }
    }

    @Override
    synchronized Set<String> pending(String groupId) {
        Set<String> uncommitted = pendingCache.get(groupId);
        if (uncommitted == null) {
            String value = repository.getState(pendingKey(groupId));
            try {
                uncommitted = value == null || value.isEmpty() ? new LinkedHashSet<>() : decode(value);
            } catch (RuntimeException e) {
                throw new MembershipStateException(
                        "The pending consumer state of group " + groupId + " (key " + pendingKey(groupId) + ") is"
                                                   + " unreadable (" + e.getMessage() + "); nothing was emitted. Way"
                                                   + " out: remove that key (the last exchange before the failure may"
                                                   + " then go unreported if its members changed since)",
                        e);
            }
            pendingCache.put(groupId, uncommitted);
        }
        return new LinkedHashSet<>(uncommitted);
    }

    private void savePending(String groupId, Set<String> uncommitted) {
        repository.setState(pendingKey(groupId), uncommitted.isEmpty() ? "" : encode(uncommitted));
        pendingCache.put(groupId, uncommitted);
    }

    static String pendingKey(String groupId) {
        return key(groupId) + ".pending";
    }

    static String key(String groupId) {
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                groupId.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Collection<String> identities) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(String.join("\n", identities).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    static Set<String> decode(String value) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(value)))) {
            String text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(text.split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}

package org.apache.camel.component.mimecast.directory.consumer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.spi.StateRepository;

/**
 * The membership of each group at the last completed poll, as member identities (email addresses or domains) only,
 * in a Camel {@link StateRepository}. Values are gzip'd and Base64url encoded without padding, so that they hold no
 * '=' or line breaks and stay small in a {@code FileStateRepository}.
 */
final class MembershipStore {

    private static final String KEY_PREFIX = "mimecast-directory.members.";

    private final StateRepository<String, String> repository;

    MembershipStore(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    /** The identities seen at the last completed poll, or null when the group was never read. */
    Set<String> load(String groupId) {
        String value = repository.getState(key(groupId));
        return value == null ? null : decode(value);
    }

    void save(String groupId, Collection<String> identities) {
        repository.setState(key(groupId), encode(identities));
    }

    private static String key(String groupId) {
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
            throw new UncheckedIOException("Unreadable membership state; delete it to start over", e);
        }
    }
}

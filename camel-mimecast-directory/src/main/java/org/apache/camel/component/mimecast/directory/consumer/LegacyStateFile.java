package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a state file written by the earlier {@code stateFile} implementation (a Camel FileStateRepository: lines
 * {@code key=value}, later lines win) so that an upgrade keeps each group's membership instead of failing or starting
 * over.
 */
final class LegacyStateFile {

    /** How corruption is reported: the store's message, naming the file and the way out. */
    interface Corruption {
        MembershipStateException of(Path file, String why, Throwable cause);
    }

    private LegacyStateFile() {
    }

    /** Not gzip and starting with our key prefix. */
    static boolean looksLikeOne(Path file) throws IOException {
        byte[] prefix = RepositoryMembershipStore.KEY_PREFIX.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(prefix.length);
            return java.util.Arrays.equals(head, prefix);
        }
    }

    static Map<String, Set<String>> read(Path file, Corruption corruption) throws IOException {
        Map<String, Set<String>> groups = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (!line.startsWith(RepositoryMembershipStore.KEY_PREFIX) || equals < 0) {
                throw corruption.of(file, "line " + (i + 1) + " of the earlier format is not key=value", null);
            }
            try {
                String groupId = new String(Base64.getUrlDecoder().decode(
                        line.substring(RepositoryMembershipStore.KEY_PREFIX.length(), equals)), StandardCharsets.UTF_8);
                groups.put(groupId, RepositoryMembershipStore.decode(line.substring(equals + 1)));
            } catch (RuntimeException e) {
                throw corruption.of(file, "line " + (i + 1) + " of the earlier format: " + e.getMessage(), e);
            }
        }
        return groups;
    }
}

package org.apache.camel.component.mimecast.directory.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.state.JdbcMembershipRepository;
import org.apache.camel.spi.StateRepository;

/**
 * One store per state file (canonical path) or repository bean in the JVM, shared by the consumers that name it and
 * closed when the last of them stops. Two routes with the same stateFile thus write through one journal instead of
 * overwriting each other's file.
 */
final class MembershipStores {

    private static final class Shared {
        final MembershipStore store;
        int users;

        Shared(MembershipStore store) {
            this.store = store;
        }
    }

    private static final Map<Object, Shared> SHARED = new HashMap<>();

    private MembershipStores() {
    }

    /**
     * The store the configuration names: stateRepository (one row per member when it is a JdbcMembershipRepository),
     * else stateFile, else memory (not shared).
     */
    static MembershipStore acquire(MimecastDirectoryConfiguration configuration) {
        StateRepository<String, String> repository = configuration.getStateRepository();
        if (repository instanceof JdbcMembershipRepository rows) {
            return acquire(new IdentityKey(repository), () -> new JdbcMembershipStore(rows));
        }
        if (repository != null) {
            return acquire(new IdentityKey(repository), () -> new RepositoryMembershipStore(repository));
        }
        if (configuration.getStateFile() != null) {
            Path file = canonical(Path.of(configuration.getStateFile()));
            return acquire(file, () -> new FileMembershipStore(file));
        }
        return new MemoryMembershipStore();
    }

    private static synchronized MembershipStore acquire(Object key, Supplier<MembershipStore> factory) {
        Shared shared = SHARED.get(key);
        if (shared == null) {
            shared = new Shared(factory.get());
            SHARED.put(key, shared);
        }
        shared.users++;
        return shared.store;
    }

    static synchronized void release(MembershipStore store) {
        SHARED.entrySet().removeIf(entry -> {
            Shared shared = entry.getValue();
            if (shared.store == store && --shared.users == 0) {
                store.close();
                return true;
            }
            return false;
        });
    }

    /** The same file by any name (relative, through a symbolic link) is one key. */
    private static Path canonical(Path file) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            Path dir = absolute.getParent();
            if (dir != null && Files.exists(dir)) {
                return dir.toRealPath().resolve(absolute.getFileName());
            }
            return absolute;
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private record IdentityKey(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}

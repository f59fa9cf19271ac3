package org.apache.camel.component.mimecast.directory.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The quota of each Mimecast API user in this JVM, shared by every component that calls with that user: two
 * CamelContexts (or two components) with the same host and key must pace as one client, since Mimecast counts per
 * user. Each component takes the quotas it uses and gives them back when it stops, so that a redeployed application
 * leaves nothing behind. Holds no thread and no credential: users are keyed by a hash.
 */
public final class ApiUserQuotas {

    private static final Map<String, Shared> QUOTAS = new HashMap<>();

    private record Shared(ApiUserQuota quota, int users) {
    }

    private ApiUserQuotas() {
    }

    /**
     * The quota of the user, for one more holder.
     *
     * @param host   the base URL called
     * @param userId the access key (API 1.0) or client id (API 2.0)
     */
    public static synchronized Lease take(String host, String userId) {
        String key = keyOf(host, userId);
        Shared shared = QUOTAS.get(key);
        shared = shared == null ? new Shared(new ApiUserQuota(), 1) : new Shared(shared.quota(), shared.users() + 1);
        QUOTAS.put(key, shared);
        return new Lease(key, shared.quota());
    }

    /** How many users have a quota held; for tests of the release. */
    static synchronized int size() {
        return QUOTAS.size();
    }

    private static synchronized void giveBack(String key) {
        Shared shared = QUOTAS.get(key);
        if (shared != null) {
            if (shared.users() <= 1) {
                QUOTAS.remove(key);
            } else {
                QUOTAS.put(key, new Shared(shared.quota(), shared.users() - 1));
            }
        }
    }

    private static String keyOf(String host, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((host + '\n' + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** One holder's use of a quota: close it when the holder stops (once; later closes do nothing). */
    public static final class Lease implements AutoCloseable {
        private final String key;
        private final ApiUserQuota quota;
        private boolean closed;

        private Lease(String key, ApiUserQuota quota) {
            this.key = key;
            this.quota = quota;
        }

        public ApiUserQuota quota() {
            return quota;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                giveBack(key);
            }
        }
    }
}

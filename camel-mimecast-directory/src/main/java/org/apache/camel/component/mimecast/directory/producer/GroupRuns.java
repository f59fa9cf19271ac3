package org.apache.camel.component.mimecast.directory.producer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;

/**
 * One set-group-members at a time per group in this JVM, whatever the endpoint or CamelContext: two runs with
 * different lists that read the group at the same time would each remove what the other adds. The second waits for the
 * first (fairly, up to its callTimeout), then reads the group afresh. Across JVMs nothing is locked: run one writer per
 * group (a route behind {@code master:}, or one scheduler).
 */
final class GroupRuns {

    private static final Map<String, Entry> RUNNING = new HashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int holders;
    }

    /** A run holding its group: close it when the run ended. */
    interface Run extends AutoCloseable {
        @Override
        void close();
    }

    private GroupRuns() {
    }

    /** Holds the group until the returned run is closed. */
    static Run start(String baseUrl, String groupId, long timeoutMillis) {
        String key = baseUrl + '\n' + groupId;
        Entry entry;
        synchronized (RUNNING) {
            entry = RUNNING.computeIfAbsent(key, k -> new Entry());
            entry.holders++;
        }
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!locked) {
                release(key, entry, false);
            }
        }
        if (!locked) {
            throw MimecastApiException.ofRequest(
                    "set-group-members on group " + groupId + " not started: another run on the same group in this JVM"
                                                 + " did not end within callTimeout=" + timeoutMillis + " ms (or the"
                                                 + " wait was interrupted); nothing was read or written",
                    MimecastDirectoryOperation.SET_GROUP_MEMBERS.operationName(), 0, null, true);
        }
        Entry held = entry;
        return () -> release(key, held, true);
    }

    private static void release(String key, Entry entry, boolean unlock) {
        if (unlock) {
            entry.lock.unlock();
        }
        synchronized (RUNNING) {
            if (--entry.holders == 0) {
                RUNNING.remove(key);
            }
        }
    }
}

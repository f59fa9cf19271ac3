package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stateFile store's crash windows, by building the files a crash would leave.
 */
class FileMembershipStoreTest {

    @TempDir
    Path dir;

    @Test
    void aCrashBetweenTheSnapshotRenameAndTheJournalTruncationReplaysToTheSameState() throws Exception {
        Path file = dir.resolve("m.state");
        FileMembershipStore store = new FileMembershipStore(file);
        store.apply("g", List.of("a@x.com", "b@x.com", "c@x.com"), List.of());
        store.apply("g", List.of("d@x.com"), List.of("a@x.com"));
        store.apply("g", List.of("a@x.com"), List.of("d@x.com"));
        byte[] journal = Files.readAllBytes(dir.resolve("m.state.journal"));
        store.completePoll("g");
        store.close();
        // The snapshot already holds the journal's entries, and the journal was not truncated yet.
        Files.write(dir.resolve("m.state.journal"), journal);

        try (FileMembershipStore reopened = new FileMembershipStore(file)) {
            assertEquals(Set.of("a@x.com", "b@x.com", "c@x.com"), reopened.load("g"));
        }
    }

    @Test
    void aTornLastJournalLineIsAnUncommittedExchangeAndTheNextAppendStartsOnANewLine() throws Exception {
        Path file = dir.resolve("m.state");
        FileMembershipStore store = new FileMembershipStore(file);
        store.apply("g", List.of("a@x.com"), List.of());
        store.close();
        Files.writeString(dir.resolve("m.state.journal"), "{\"g\":\"g\",\"a\":[\"b@x", StandardOpenOption.APPEND);

        store = new FileMembershipStore(file);
        assertEquals(Set.of("a@x.com"), store.load("g"));
        store.apply("g", List.of("c@x.com"), List.of());
        store.close();
        try (FileMembershipStore reopened = new FileMembershipStore(file)) {
            assertEquals(Set.of("a@x.com", "c@x.com"), reopened.load("g"));
            assertNull(reopened.load("never-read"));
        }
    }

    @Test
    void aSnapshotIsReplacedWholeNeverRewrittenInPlace() throws Exception {
        Path file = dir.resolve("m.state");
        FileMembershipStore store = new FileMembershipStore(file);
        store.apply("g", List.of("a@x.com"), List.of());
        store.completePoll("g");
        Object inode = Files.getAttribute(file, "unix:ino");
        store.apply("g", List.of("b@x.com"), List.of());
        store.completePoll("g");
        store.close();
        assertTrue(!inode.equals(Files.getAttribute(file, "unix:ino")), "a new file renamed over the old one");
        assertEquals(0, Files.size(dir.resolve("m.state.journal")), "the journal was folded in");
    }

    @Test
    void aSecondOpenOfALockedFileIsRefusedWithTheFileAndTheReason() throws Exception {
        Path file = dir.resolve("m.state");
        try (FileMembershipStore store = new FileMembershipStore(file)) {
            MembershipStateException refused = assertThrows(MembershipStateException.class,
                    () -> new FileMembershipStore(file));
            assertTrue(refused.getMessage().contains(file + " is in use by another process"), refused.getMessage());
        }
    }

    @Test
    void anInterruptedPollThreadNeitherFailsNorBreaksASharedStore() {
        // Camel stops a polling consumer by interrupting its thread; routes sharing the stateFile share this store.
        try (FileMembershipStore store = new FileMembershipStore(dir.resolve("shared.state"))) {
            store.apply("groupB", List.of("b@x.com"), List.of());
            Thread.currentThread().interrupt();
            try {
                store.apply("groupA", List.of("a@x.com"), List.of());
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the consumer to see");
            } finally {
                Thread.interrupted();
            }
            store.apply("groupB", List.of("c@x.com"), List.of());
            store.completePoll("groupB");
            assertEquals(Set.of("b@x.com", "c@x.com"), store.load("groupB"));
            assertEquals(Set.of("a@x.com"), store.load("groupA"));
        }
    }

    @Test
    void anExchangeBegunAndNotCommittedIsPendingAfterARestart() {
        Path file = dir.resolve("pending.state");
        FileMembershipStore store = new FileMembershipStore(file);
        store.apply("g", List.of("a@x.com"), List.of());
        store.begin("g", List.of("b@x.com", "a@x.com"));
        store.close(); // as a kill -9 leaves it: begun, not committed
        try (FileMembershipStore reopened = new FileMembershipStore(file)) {
            assertEquals(Set.of("a@x.com", "b@x.com"), reopened.pending("g"));
            assertEquals(Set.of("a@x.com"), reopened.load("g"));
            reopened.completePoll("g"); // a snapshot keeps what is pending
            reopened.apply("g", List.of("b@x.com"), List.of("a@x.com"));
            assertEquals(Set.of(), reopened.pending("g"), "committed: nothing pending");
            assertEquals(Set.of("b@x.com"), reopened.load("g"));
        }
    }

    @Test
    void anExchangeThatKeepsFailingDoesNotGrowTheJournal() throws Exception {
        Path file = dir.resolve("failing.state");
        try (FileMembershipStore store = new FileMembershipStore(file)) {
            for (int retry = 0; retry < 1000; retry++) {
                store.begin("g", List.of("a@x.com", "b@x.com"));
            }
            assertEquals(1, Files.readAllLines(dir.resolve("failing.state.journal")).size(), "one pending line");
        }
    }
}

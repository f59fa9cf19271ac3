package org.apache.camel.component.mimecast.directory.consumer;

import java.util.List;
import java.util.Set;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code stateRepository} store when the repository is shared by nodes (behind {@code master:}): what another node
 * committed or began while this one did not poll the group is read again when this one claims it.
 */
class RepositoryMembershipStoreTest {

    @Test
    void aClaimReadsWhatAnotherNodeWroteSinceThisNodesLastPoll() {
        MemoryStateRepository shared = new MemoryStateRepository();
        Object consumer = new Object();
        RepositoryMembershipStore nodeA = new RepositoryMembershipStore(shared);
        nodeA.claim("g", consumer);
        nodeA.apply("g", List.of("a@x.com"), List.of());
        assertEquals(Set.of(), nodeA.pending("g")); // cached on node A

        // Node A loses the lease; node B commits b, begins c and is killed before committing it.
        RepositoryMembershipStore nodeB = new RepositoryMembershipStore(shared);
        nodeB.claim("g", new Object());
        nodeB.apply("g", List.of("b@x.com"), List.of());
        nodeB.begin("g", List.of("c@x.com"));

        // Node A leads again: its next poll claims the group first.
        nodeA.claim("g", consumer);
        assertEquals(Set.of("a@x.com", "b@x.com"), nodeA.load("g"));
        assertEquals(Set.of("c@x.com"), nodeA.pending("g"));
    }
}

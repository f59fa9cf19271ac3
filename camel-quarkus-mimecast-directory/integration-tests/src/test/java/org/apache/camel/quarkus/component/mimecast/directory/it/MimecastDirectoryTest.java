package org.apache.camel.quarkus.component.mimecast.directory.it;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension in a Quarkus app (JVM mode) configured only through properties, against the emulator.
 */
@QuarkusTest
@QuarkusTestResource(MimecastEmulatorTestResource.class)
class MimecastDirectoryTest {

    @Inject
    ProducerTemplate template;

    @Inject
    ChangeCollector collector;

    @Test
    void producerCall() {
        List<Group> groups = template.requestBody("direct:find-groups", null, List.class);
        assertEquals(List.of("Everyone", "Watched"), groups.stream().map(Group::description).toList());
    }

    @Test
    void everyCallGoesThroughTheConfiguredProxy() {
        template.requestBody("direct:find-groups", null, List.class);
        // The proxy counts a request before the emulator records it, so with every call proxied (the consumer polls
        // meanwhile) the emulator never has more.
        int received = MimecastEmulatorTestResource.emulator().requests().size();
        var proxy = MimecastEmulatorTestResource.proxy();
        assertTrue(received >= 1 && proxy.forwarded() >= received, "no call went around the proxy: " + received
                                                                    + " received, " + proxy.forwarded() + " proxied");
        assertEquals(0, proxy.authenticationRequired(), "its credentials went with each request");
    }

    @Test
    void pagedCallReadsEveryMemberInThreeRequests() {
        int before = requestsFor(MimecastEmulatorTestResource.everyoneGroupId);
        List<Member> members = template.requestBodyAndHeader("direct:all-members", null,
                MimecastDirectoryConstants.GROUP_ID, MimecastEmulatorTestResource.everyoneGroupId, List.class);
        assertEquals(MimecastEmulatorTestResource.EVERYONE_SIZE, members.size());
        assertEquals("user01234@example.com", members.get(1233).emailAddress());
        assertEquals(3, requestsFor(MimecastEmulatorTestResource.everyoneGroupId) - before);
    }

    /** get-group-members requests for exactly this group (the consumer polls another one meanwhile). */
    private static int requestsFor(String groupId) {
        return (int) MimecastEmulatorTestResource.emulator().requests("get-group-members").stream()
                .filter(r -> r.body().contains("\"id\":\"" + groupId + "\"")).count();
    }

    @Test
    void changesConsumerEmitsAdditionsAndRemovals() {
        await().atMost(20, TimeUnit.SECONDS).until(() -> collector.changes().size() >= 5);
        assertTrue(collector.changes().stream().limit(5).allMatch(c -> c.changeType() == MemberChangeType.ADDED));

        var directory = MimecastEmulatorTestResource.emulator().directory();
        directory.addMember(MimecastEmulatorTestResource.watchedGroupId, "quarkus1@example.com", null);
        directory.addMember(MimecastEmulatorTestResource.watchedGroupId, "quarkus2@example.com", null);
        directory.removeMember(MimecastEmulatorTestResource.watchedGroupId, "user00002@example.com");

        await().atMost(20, TimeUnit.SECONDS).until(() -> collector.changes().size() >= 8);
        List<MemberChange> latest = collector.changes().subList(5, 8);
        assertEquals(List.of("ADDED quarkus1@example.com", "ADDED quarkus2@example.com",
                "REMOVED user00002@example.com"),
                latest.stream().map(c -> c.changeType() + " " + c.member().emailAddress()).toList());
    }
}

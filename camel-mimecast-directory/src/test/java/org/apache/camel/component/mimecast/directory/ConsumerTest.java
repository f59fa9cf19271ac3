package org.apache.camel.component.mimecast.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.component.mimecast.emulator.FaultPlan;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.LAST_PAGE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_NUMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polling consumer against the emulator.
 */
class ConsumerTest extends MimecastTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @TempDir
    Path tempDir;

    @Test
    void snapshotEmits1234MembersAsThreeOrderedPages() throws Exception {
        String group = emulator().directory().createGroup("Everyone").id();
        emulator().directory().addMembers(group, 1234);

        consume("mimecast-directory:get-group-members?groupId=" + group + "&pageSize=500&repeatCount=1&initialDelay=0");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);

        assertEquals(List.of(500, 500, 234), received.stream().map(e -> e.getMessage().getBody(List.class).size())
                .toList());
        List<String> emails = new ArrayList<>();
        received.forEach(e -> e.getMessage().getBody(List.class).forEach(m -> emails.add(((Member) m).emailAddress())));
        assertEquals(emulator().directory().memberEmails(group), emails, "every member once, in order");
        for (int i = 0; i < 3; i++) {
            Exchange exchange = received.get(i);
            assertEquals(group, exchange.getMessage().getHeader(GROUP_ID));
            assertEquals(i + 1, exchange.getMessage().getHeader(PAGE_NUMBER));
            assertEquals(500, exchange.getMessage().getHeader(PAGE_SIZE));
            assertEquals(i == 2, exchange.getMessage().getHeader(LAST_PAGE));
            assertEquals(i, exchange.getProperty(Exchange.BATCH_INDEX));
            assertEquals(i == 2, exchange.getProperty(Exchange.BATCH_COMPLETE));
            assertEquals(i == 2 ? 3 : null, exchange.getProperty(Exchange.BATCH_SIZE), "known at the end of the stream");
        }
        assertEquals(3, exchangeCount("get-group-members"));
    }

    @Test
    void changesModeEmitsExactlyTheAddedAndRemovedMembers() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 10);

        consume("mimecast-directory:get-group-members?mode=changes&splitMembers=true&delay=100&initialDelay=0&groupId="
                + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 10);
        assertTrue(changes().stream().allMatch(c -> c.changeType() == MemberChangeType.ADDED), "first poll: baseline");
        assertEquals(10, received.get(0).getProperty(Exchange.BATCH_SIZE), "changes mode knows the exact batch size");
        int polls = exchangeCount("get-group-members");
        await().atMost(5, TimeUnit.SECONDS).until(() -> exchangeCount("get-group-members") > polls + 1);
        assertEquals(10, received.size(), "no change, nothing emitted");
        received.clear();

        emulator().directory().addMember(group, "new1@example.com", null);
        emulator().directory().addMember(group, "new2@example.com", null);
        emulator().directory().removeMember(group, "user00003@example.com");

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        int seen = exchangeCount("get-group-members");
        await().atMost(5, TimeUnit.SECONDS).until(() -> exchangeCount("get-group-members") > seen + 1);
        assertEquals(List.of("ADDED new1@example.com", "ADDED new2@example.com", "REMOVED user00003@example.com"),
                describe(changes()));
    }

    @Test
    void restartWithTheSameStateFileNeitherRepeatsNorLosesChanges() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 5);
        String uri = "mimecast-directory:get-group-members?mode=changes&splitMembers=true&delay=100&initialDelay=0"
                     + "&stateFile=" + tempDir.resolve("members.state") + "&groupId=" + group;

        List<MemberChange> first = runInNewContext(uri, 5);
        assertEquals(5, first.size());

        // Changes while nothing runs.
        emulator().directory().addMember(group, "late@example.com", null);
        emulator().directory().removeMember(group, "user00001@example.com");

        List<MemberChange> second = runInNewContext(uri, 2);
        assertEquals(List.of("ADDED late@example.com", "REMOVED user00001@example.com"), describe(second));
        assertTrue(Files.size(tempDir.resolve("members.state")) > 0);

        List<MemberChange> third = runInNewContext(uri, 0);
        assertEquals(List.of(), third, "a third start repeats nothing");
    }

    @Test
    void aRouteFailureOnTheSecondPageIsDeliveredAgainByTheNextPoll() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 6);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("mimecast-directory:get-group-members?mode=changes&pageSize=2&delay=100&initialDelay=0&groupId="
                     + group)
                        .process(e -> {
                            if (e.getMessage().getHeader(PAGE_NUMBER, Integer.class) == 2 && failOnce.getAndSet(false)) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                            received.add(e.copy());
                        });
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> changes().size() == 6);
        assertTrue(!failOnce.get(), "the route did fail once");
        int polls = exchangeCount("get-group-members");
        await().atMost(5, TimeUnit.SECONDS).until(() -> exchangeCount("get-group-members") > polls + 3);
        assertEquals(6, changes().size(), "nothing delivered twice after the redelivery");
        assertEquals(emulator().directory().memberEmails(group), changes().stream()
                .map(c -> c.member().emailAddress()).toList(), "page 1 once, then pages 2 and 3 after the failure");
    }

    @Test
    void aServerErrorWhilePagingCommitsNothing() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 6);
        // The first poll reads page 1, then page 2 fails (no retries): nothing may be emitted or committed.
        emulator().faults().afterRequests(1, new FaultPlan.Fault(FaultPlan.Kind.STATUS, 503, 0, "get-group-members"), 1);

        consume("mimecast-directory:get-group-members?mode=changes&pageSize=2&maxRetries=0&delay=100&initialDelay=0"
                + "&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);

        assertEquals(503, emulator().requests("get-group-members").get(1).status());
        assertEquals(6, changes().size());
        assertTrue(changes().stream().allMatch(c -> c.changeType() == MemberChangeType.ADDED),
                "the half-read group was not taken as 'everyone else was removed'");
    }

    private void consume(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> received.add(e.copy()));
            }
        });
    }

    private List<MemberChange> runInNewContext(String uri, int expected) throws Exception {
        List<MemberChange> seen = new CopyOnWriteArrayList<>();
        CamelContext other = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        configure(component.getConfiguration(), emulator());
        other.addComponent("mimecast-directory", component);
        other.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> seen.add(e.getMessage().getBody(MemberChange.class)));
            }
        });
        int before = exchangeCount("get-group-members");
        other.start();
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() >= expected
                                                             && exchangeCount("get-group-members") >= before + 3);
        } finally {
            other.stop();
        }
        return new ArrayList<>(seen);
    }

    private List<MemberChange> changes() {
        List<MemberChange> changes = new ArrayList<>();
        for (Exchange exchange : received) {
            Object body = exchange.getMessage().getBody();
            if (body instanceof MemberChange change) {
                changes.add(change);
            } else {
                ((List<?>) body).forEach(c -> changes.add((MemberChange) c));
            }
        }
        return changes;
    }

    private static List<String> describe(List<MemberChange> changes) {
        return changes.stream().map(c -> c.changeType() + " " + c.member().emailAddress()).toList();
    }

    private int exchangeCount(String operation) {
        return emulator().requests(operation).size();
    }
}

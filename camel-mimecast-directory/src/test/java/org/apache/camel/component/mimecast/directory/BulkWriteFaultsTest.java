package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.support.HostileServer;
import org.apache.camel.component.mimecast.directory.support.ScriptedDirectory;
import org.apache.camel.component.mimecast.directory.support.ScriptedDirectory.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk member writes against a scripted group on a real HTTP server: a fault on one batch of 200 (a 503 that applied
 * nothing, a connection dropped after applying, a reply slower than the client waits after applying) must leave the
 * group exactly as wanted, since adding and removing members can be repeated safely; every item's fate is told and
 * the requests are counted. A write that cannot be repeated (create-group) is not.
 */
class BulkWriteFaultsTest extends ScriptedServerTestSupport {

    private static final String GROUP = "g-bulk";
    private static final String KEYS = ScriptedServerTestSupport.KEYS + "&groupId=" + GROUP + "&responseTimeout=700";
    private static final int ITEMS = 2000;
    private static final int FAULTY_WRITE = 5;

    private ScriptedDirectory directory;

    @Override
    protected void serverStarted(HostileServer server) {
        directory = new ScriptedDirectory(server, GROUP, 1500);
    }

    private static List<String> people(int count) {
        return IntStream.range(0, count).mapToObj(i -> "user" + i + "@example.com").toList();
    }

    private Exchange write(String operation, List<String> members, String options) {
        return template.request("mimecast-directory:" + operation + KEYS + options, e -> e.getIn().setBody(members));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "STATUS_503_NOT_APPLIED", "DROPPED_AFTER_APPLYING", "SLOW_AFTER_APPLYING" })
    void aFaultOnOneBatchOf200StillAddsEveryMember(Fault fault) {
        directory.faults(n -> n == FAULTY_WRITE ? fault : Fault.NONE);
        Exchange done = write("add-group-member", people(ITEMS), "");

        assertEquals(null, done.getException(), () -> String.valueOf(done.getException()));
        assertEquals(Set.copyOf(people(ITEMS)), directory.members(), "the group is exactly as wanted");
        List<?> results = done.getMessage().getBody(List.class);
        assertEquals(ITEMS, results.size(), "one result per item, in input order");
        assertEquals(201, done.getMessage().getHeader(MimecastDirectoryConstants.REQUEST_COUNT),
                "200 batches and one repeat");
        assertEquals(201, directory.writes());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "STATUS_503_NOT_APPLIED", "DROPPED_AFTER_APPLYING", "SLOW_AFTER_APPLYING" })
    void aFaultOnOneBatchOf200StillRemovesEveryMember(Fault fault) {
        directory.members(people(ITEMS)).faults(n -> n == FAULTY_WRITE ? fault : Fault.NONE);
        Exchange done = write("remove-group-member", people(ITEMS), "");

        assertEquals(null, done.getException(), () -> String.valueOf(done.getException()));
        assertTrue(directory.members().isEmpty(), "every member removed: " + directory.members().size() + " left");
        assertEquals(201, done.getMessage().getHeader(MimecastDirectoryConstants.REQUEST_COUNT));
    }

    @Test
    void eachItemsFateIsToldWhenBatchesFailForGoodAndTheMessageStaysShort() {
        // Every 7th write answers 503 and maxRetries=0: 28 batches fail, the 172 others are sent and applied.
        directory.faults(n -> n % 7 == 0 ? Fault.STATUS_503_NOT_APPLIED : Fault.NONE);
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:add-group-member" + KEYS + "&maxRetries=0&maxConcurrentCalls=1",
                        people(ITEMS)));
        MimecastApiException failure = assertInstanceOf(MimecastApiException.class, thrown.getCause());

        assertEquals(200, directory.writes(), "every batch sent, none stopped by another's failure");
        Set<String> applied = failure.getSucceeded().stream()
                .map(r -> ((org.apache.camel.component.mimecast.directory.model.MemberChangeResult) r).emailAddress())
                .collect(Collectors.toSet());
        assertEquals(directory.members(), applied, "getSucceeded() is exactly what the group got");
        assertEquals(1720, applied.size());
        assertEquals(280, failure.getFailures().size(), "one failure per item not applied");
        assertTrue(failure.getFailures().stream().allMatch(f -> f.codes().equals("http_503")),
                failure.getFailures().get(0).toString());
        String message = failure.getMessage();
        assertTrue(message.length() < 1000, message.length() + " characters: " + message);
        assertTrue(message.contains("1720 applied") && message.contains("280 failed")
                   && message.contains("items 60-69, 130-139"), message);
        assertFalse(message.contains("may have been applied ("), "a 503 of an idempotent write is a failure: " + message);
    }

    @Test
    void withoutThrowingEveryItemHasItsOutcomeInInputOrder() {
        directory.members(List.of("user3@example.com"));
        List<?> outcomes = template.requestBody(
                "mimecast-directory:add-group-member" + KEYS + "&throwOnItemFailure=false", people(25), List.class);
        assertEquals(25, outcomes.size());
        ItemFailure third = ((ItemResult<?>) outcomes.get(3)).failure();
        assertEquals("err_folder_group_member_already_exists", third.codes(), "a first attempt's refusal stays one");
        assertTrue(((ItemResult<?>) outcomes.get(4)).isSuccess());
    }

    @Test
    void createGroupIsNotRepeatedAfterATimeout() {
        server.on("/api/directory/create-group", HostileServer.dripped(
                "{\"meta\":{\"status\":200},\"data\":[{\"id\":\"new\",\"description\":\"Sales\"}],\"fail\":[]}"
                + " ".repeat(100), 30));
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:create-group" + KEYS + "&maxRetries=3", "Sales"));
        MimecastApiException failure = assertInstanceOf(MimecastApiException.class, thrown.getCause());
        assertEquals(1, server.requests().stream().filter(r -> r.path().endsWith("create-group")).count(),
                failure.getMessage());
        assertTrue(failure.isMayHaveBeenApplied(), failure.getMessage());
        assertTrue(failure.getMessage().contains("may have been applied"), failure.getMessage());
    }

    @Test
    void aServerThatStopsAnsweringEndsTheWriteInsteadOfHoldingItForHours() {
        server.on("/api/directory/add-group-member", HostileServer.dripped("{\"meta\":{\"status\":200}}"
                                                                          + " ".repeat(200), 50));
        long start = System.nanoTime();
        CamelExecutionException thrown = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("mimecast-directory:add-group-member" + KEYS
                                           + "&maxRetries=1&maxConcurrentCalls=2", people(ITEMS)));
        long took = (System.nanoTime() - start) / 1_000_000;
        MimecastApiException failure = assertInstanceOf(MimecastApiException.class, thrown.getCause());
        assertTrue(took < 20_000, "ended after " + took + " ms");
        long requests = server.requests().stream().filter(r -> r.path().endsWith("add-group-member")).count();
        assertTrue(requests <= 12, requests + " requests to a server that does not answer");
        assertTrue(failure.getMessage().contains("not sent") && failure.getMessage().contains("looks down"),
                failure.getMessage());
    }

    @Test
    void anInterruptEndsAParallelWriteAtOnce() throws Exception {
        server.on("/api/directory/add-group-member", HostileServer.dripped("{\"meta\":{\"status\":200}}"
                                                                          + " ".repeat(500), 50));
        java.util.concurrent.atomic.AtomicReference<Object> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                Exchange done = template.request("mimecast-directory:add-group-member"
                                                 + KEYS.replace("responseTimeout=700", "responseTimeout=20000"),
                        e -> e.getIn().setBody(people(ITEMS)));
                failure.set(done.getException() != null ? done.getException() : "no failure: " + done.getMessage()
                        .getBody());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        caller.start();
        Thread.sleep(500);
        long start = System.nanoTime();
        caller.interrupt();
        caller.join(10_000);
        long took = (System.nanoTime() - start) / 1_000_000;
        assertFalse(caller.isAlive(), "the write ended");
        assertTrue(took < 3000, "ended " + took + " ms after the interrupt");
        String told = failure.get() instanceof Throwable t ? t + " / " + t.getCause() : String.valueOf(failure.get());
        assertTrue(told.toLowerCase().contains("interrupt"), told);
    }
}

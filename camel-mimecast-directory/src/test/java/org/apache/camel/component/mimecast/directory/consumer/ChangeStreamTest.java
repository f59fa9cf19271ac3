package org.apache.camel.component.mimecast.directory.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryComponent;
import org.apache.camel.component.mimecast.directory.MimecastTestSupport;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.support.HealthChecks;
import org.apache.camel.component.mimecast.emulator.FaultPlan.MalformedReply;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change stream's promise against the emulator over HTTP: nothing lost, nothing invented, per group.
 */
class ChangeStreamTest extends MimecastTestSupport {

    private static final String CHANGES = "mimecast-directory:get-group-members?mode=changes&delay=50&initialDelay=0"
                                          + "&maxRetries=0&exceptionHandler=#recorder";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> reported = new CopyOnWriteArrayList<>();

    @TempDir
    Path tempDir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        return HealthChecks.enable(super.createCamelContext());
    }

    @ParameterizedTest
    @EnumSource(MalformedReply.class)
    void aReplyWithoutTheGroupsDataEmitsAndCommitsNothing(MalformedReply reply) throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 5);
        consume("watch", CHANGES + "&stateFile=" + tempDir.resolve("s") + "&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 5);

        emulator().faults().malformedGroupMembers(1, reply);
        emulator().directory().removeMember(group, "user00002@example.com");
        // The malformed read, then the next poll's read and its confirmation read; then its exchange.
        awaitPolls(3);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() > 5);

        assertEquals(List.of("REMOVED user00002@example.com"), receivedFrom(5),
                "the malformed reply emitted nothing and committed nothing; the next good poll saw the real change");
        assertTrue(reported.stream().anyMatch(e -> e instanceof GroupsFailedException
                                                   && e.getCause() instanceof GroupReadException
                                                   && e.getMessage().contains(group)),
                "reported naming the group: " + reported);
    }

    @Test
    void aMalformedFirstReplyIsNoBaseline() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        emulator().faults().malformedGroupMembers(1, MalformedReply.MEMBER_WITHOUT_IDENTITY);
        consume("watch", CHANGES + "&groupId=" + group);
        awaitPolls(3);
        assertEquals(List.of("ADDED user00001@example.com", "ADDED user00002@example.com",
                "ADDED user00003@example.com"), received);
    }

    @Test
    void snapshotModeReportsAMalformedReplyInsteadOfAnEmptyPage() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        emulator().faults().malformedGroupMembers(1, MalformedReply.DATA_NULL);
        consume("watch", CHANGES.replace("mode=changes", "mode=snapshot") + "&splitMembers=true&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        assertTrue(reported.stream().anyMatch(e -> e.getCause() instanceof GroupReadException),
                "reported: " + reported);
        assertEquals(List.of("user00001@example.com", "user00002@example.com"), receivedFrom(0).subList(0, 2),
                "the next poll's members, nothing from the malformed reply");
    }

    @Test
    void aWellFormedEmptyGroupIsEmpty() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        consume("watch", CHANGES + "&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        emulator().directory().removeMember(group, "user00001@example.com");
        emulator().directory().removeMember(group, "user00002@example.com");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 4);
        assertEquals(List.of("REMOVED user00001@example.com", "REMOVED user00002@example.com"), receivedFrom(2).subList(0, 2));
    }

    @Test
    void pagesShiftedByAConcurrentRemovalReportNoFalseRemoval() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 9);
        consume("watch", CHANGES + "&pageSize=3&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 9);

        // user00002 leaves right after page 1 was read: user00004 moves from page 2 to page 1, so that read misses it.
        emulator().faults().afterPage(group, 1, directory -> directory.removeMember(group, "user00002@example.com"));
        int before = polls();
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 10);
        awaitPolls(2);

        assertEquals(List.of("REMOVED user00002@example.com"), receivedFrom(9),
                "user00004 (shifted, never gone) was not reported REMOVED");
        assertTrue(polls() - before >= 6, "reads that showed removals were confirmed by a second read");
    }

    @Test
    void aDeletedGroupIsReportedWhileTheOtherGroupsGoOn() throws Exception {
        String doomed = emulator().directory().createGroup("Doomed").id();
        String kept = emulator().directory().createGroup("Kept").id();
        emulator().directory().addMembers(doomed, 3);
        emulator().directory().addMember(kept, "a@example.com", null);
        consume("watch", CHANGES + "&stateFile=" + tempDir.resolve("s") + "&groupId=" + doomed + "," + kept);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 4);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth().getState() == HealthCheck.State.UP);

        emulator().directory().deleteGroup(doomed);
        emulator().directory().addMember(kept, "b@example.com", null);

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("ADDED b@example.com"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth().getState() == HealthCheck.State.DOWN);
        HealthCheck.Result health = consumerHealth();
        assertEquals(doomed, health.getDetails().get("mimecast.failed.groups"), String.valueOf(health.getDetails()));
        awaitPolls(2);
        assertEquals(5, received.size(), "the deleted group emits nothing (no flood of REMOVED): " + received);
        assertTrue(reported.stream().anyMatch(e -> e.getMessage().contains(doomed)), "reported each poll");

        // Recreated under the same id is not possible in Mimecast; a group that answers again resumes from its state.
    }

    @Test
    void twoRoutesSharingAStateFileKeepEachOthersState() throws Exception {
        String a = emulator().directory().createGroup("A").id();
        String b = emulator().directory().createGroup("B").id();
        emulator().directory().addMembers(a, 2);
        emulator().directory().addMember(b, "b1@example.com", null);
        emulator().directory().addMember(b, "b2@example.com", null);
        String state = "&stateFile=" + tempDir.resolve("shared.state");
        consume("routeA", CHANGES + state + "&groupId=" + a);
        consume("routeB", CHANGES + state + "&groupId=" + b);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 4);
        context.stop();

        emulator().directory().addMember(a, "a3@example.com", null);
        emulator().directory().removeMember(b, "b1@example.com");
        received.clear();
        CamelContext restarted = newContext();
        restarted.addRoutes(route("routeA", CHANGES + state + "&groupId=" + a));
        restarted.addRoutes(route("routeB", CHANGES + state + "&groupId=" + b));
        restarted.start();
        try {
            awaitPolls(3);
        } finally {
            restarted.stop();
        }
        assertEquals(List.of("ADDED a3@example.com", "REMOVED b1@example.com"), received.stream().sorted().toList(),
                "each route's state survived the other's stop");
    }

    @Test
    void twoRoutesWatchingOneGroupWithOneStateFileFailAtStartUp() throws Exception {
        String a = emulator().directory().createGroup("A").id();
        String state = "&stateFile=" + tempDir.resolve("shared.state");
        consume("first", CHANGES + state + "&groupId=" + a);
        // Another endpoint (pageSize differs), the same state file and group.
        Exception e = assertThrows(Exception.class,
                () -> consume("second", CHANGES + state + "&pageSize=100&groupId=" + a));
        assertTrue(rootMessages(e).contains("already watched by another mode=changes consumer"), rootMessages(e));
    }

    @Test
    void aCorruptStateFileFailsNamingTheFileAndTheWayOut() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        Path file = tempDir.resolve("members.state");
        Files.writeString(file, "mimecast-directory.members.abc=H4sIAAAA\n");

        Exception e = assertThrows(Exception.class, () -> consume("watch", CHANGES + "&stateFile=" + file
                                                                           + "&groupId=" + group));
        String messages = rootMessages(e);
        assertTrue(messages.contains(file.toString()) && messages.contains("delete"), messages);
        assertEquals(0, polls(), "nothing read, nothing emitted");
        assertEquals("mimecast-directory.members.abc=H4sIAAAA\n", Files.readString(file), "left unchanged");
    }

    @Test
    void aStateFileThatIsNotOursFailsNamingTheFile() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        Path file = tempDir.resolve("members.state");
        Files.write(file, new byte[] { 0x1f, (byte) 0x8b, 8, 0, 1, 2, 3 }); // a truncated gzip stream
        Exception e = assertThrows(Exception.class, () -> consume("watch", CHANGES + "&stateFile=" + file
                                                                           + "&groupId=" + group));
        assertTrue(rootMessages(e).contains(file + " is unreadable"), rootMessages(e));
        assertFalse(rootMessages(e).contains("StringIndexOutOfBounds"));
    }

    @Test
    void aStateFileOfTheEarlierFormatIsImported() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        Path file = tempDir.resolve("members.state");
        // What the FileStateRepository-based stateFile wrote: later lines win.
        Files.writeString(file, RepositoryMembershipStore.key(group) + "="
                                + RepositoryMembershipStore.encode(List.of("user00001@example.com")) + "\n"
                                + RepositoryMembershipStore.key(group) + "="
                                + RepositoryMembershipStore.encode(List.of("user00001@example.com",
                                        "user00002@example.com", "gone@example.com"))
                                + "\n");
        consume("watch", CHANGES + "&stateFile=" + file + "&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 2);
        awaitPolls(3);
        assertEquals(List.of("ADDED user00003@example.com", "REMOVED gone@example.com"), received);
        context.stop();
        assertEquals(0x1f, Files.readAllBytes(file)[0], "rewritten in the new format (gzip)");
        FileMembershipStore reopened = new FileMembershipStore(file);
        try {
            assertEquals(Set.copyOf(emulator().directory().memberEmails(group)), reopened.load(group));
        } finally {
            reopened.close();
        }
    }

    @Test
    void aCorruptJournalLineFailsNamingTheJournalButATornLastLineIsDropped() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        Path file = tempDir.resolve("members.state");
        Path journal = tempDir.resolve("members.state.journal");

        Files.writeString(journal, "{\"g\":\"" + group + "\",\"a\":[\"user00001@example.com\"],\"r\":[]}\n{\"g\":\"");
        consume("watch", CHANGES + "&stateFile=" + file + "&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        awaitPolls(2);
        assertEquals(List.of("ADDED user00002@example.com"), received, "the journal's complete line counted");
        context.stop();

        Files.writeString(journal, "garbage\n{\"g\":\"x\",\"a\":[],\"r\":[]}\n");
        CamelContext other = newContext();
        Exception e = assertThrows(Exception.class, () -> {
            other.addRoutes(route("again", CHANGES + "&stateFile=" + file + "&groupId=" + group));
            other.start();
        });
        other.stop();
        assertTrue(rootMessages(e).contains(journal + " is unreadable (line 1"), rootMessages(e));
    }

    @Test
    void aCorruptRepositoryValueIsReportedNamingTheKeyAndEmitsNothing() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        MemoryStateRepository repository = new MemoryStateRepository();
        repository.setState(RepositoryMembershipStore.key(group), "not-gzip");
        context.getRegistry().bind("repo", repository);
        consume("watch", CHANGES + "&stateRepository=#repo&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> reported.size() >= 2);
        assertEquals(List.of(), received);
        assertEquals("not-gzip", repository.getState(RepositoryMembershipStore.key(group)), "left unchanged");
        assertTrue(reported.stream().anyMatch(e -> rootMessages(e).contains(RepositoryMembershipStore.key(group))),
                "names the key: " + reported);
    }

    @Test
    void aStateRepositoryBeanAdvancesPerExchange() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        MemoryStateRepository repository = new MemoryStateRepository();
        context.getRegistry().bind("repo", repository);
        List<String> seenInRepository = new CopyOnWriteArrayList<>();
        bindRecorder(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(CHANGES + "&splitMembers=true&stateRepository=#repo&groupId=" + group).routeId("watch")
                        .process(e -> {
                            String value = repository.getState(RepositoryMembershipStore.key(group));
                            seenInRepository.add(value == null ? "-"
                                    : String.valueOf(RepositoryMembershipStore.decode(value).size()));
                            received.add(describe(e.getMessage().getBody(MemberChange.class)));
                        });
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertEquals(List.of("-", "1", "2"), seenInRepository, "written after each completed exchange");
    }

    @Test
    void maxRemovalsHoldsBackAMassRemovalAndSaysHowToProceed() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 10);
        consume("watch", CHANGES + "&maxRemovals=2&groupId=" + group);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 10);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers");

        for (int i = 1; i <= 3; i++) {
            emulator().directory().removeMember(group, "user0000" + i + "@example.com");
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth().getState() == HealthCheck.State.DOWN);
        awaitPolls(2);
        assertEquals(10, received.size(), "nothing emitted for the group");
        MaxRemovalsExceededException refused = reported.stream().map(Throwable::getCause)
                .filter(MaxRemovalsExceededException.class::isInstance).map(MaxRemovalsExceededException.class::cast)
                .findFirst().orElseThrow();
        assertTrue(refused.getMessage().contains("raise maxRemovals") && refused.getMessage().contains(group),
                refused.getMessage());

        // Nothing was committed: with one member back, the two real removals come through (within the limit).
        emulator().directory().addMember(group, "user00001@example.com", null);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 12);
        assertEquals(List.of("REMOVED user00002@example.com", "REMOVED user00003@example.com"),
                receivedFrom(10).subList(0, 2));
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth().getState() == HealthCheck.State.UP);
    }

    @Test
    void maxMessagesPerPollDeliversEverythingOnceAcrossPolls() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 25);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        bindRecorder(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(CHANGES + "&pageSize=2&maxMessagesPerPoll=3&groupId=" + group).routeId("watch")
                        .process(e -> {
                            batchSizes.add(e.getProperty(Exchange.BATCH_SIZE, Integer.class));
                            for (Object change : e.getMessage().getBody(List.class)) {
                                received.add(describe((MemberChange) change));
                            }
                        });
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 25);
        awaitPolls(2);
        assertEquals(emulator().directory().memberEmails(group).stream().map(m -> "ADDED " + m).toList(), received,
                "every member once, in order");
        assertTrue(batchSizes.stream().allMatch(size -> size <= 3), "at most 3 exchanges per poll: " + batchSizes);
    }

    @Test
    void aGracefulStopMidBatchCompletesTheCurrentExchangeAndTheRestComeOnceAfterRestart() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 6);
        String uri = CHANGES + "&splitMembers=true&stateFile=" + tempDir.resolve("s") + "&groupId=" + group;
        context.getShutdownStrategy().setTimeout(5);
        consumeSlowly(uri, ShutdownRunningTask.CompleteCurrentTaskOnly);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        context.getRouteController().stopRoute("watch");
        int delivered = received.size();
        assertTrue(delivered < 6, "stopped mid-batch (isBatchAllowed): " + received);

        context.getRouteController().startRoute("watch");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 6);
        awaitPolls(2);
        assertEquals(emulator().directory().memberEmails(group).stream().map(m -> "ADDED " + m).toList(), received,
                "the rest after the restart, none twice");
    }

    @Test
    void aGracefulStopWithCompleteAllTasksDeliversTheWholeBatch() throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 6);
        context.getShutdownStrategy().setTimeout(10);
        consumeSlowly(CHANGES + "&splitMembers=true&groupId=" + group, ShutdownRunningTask.CompleteAllTasks);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        context.getRouteController().stopRoute("watch");
        assertEquals(6, received.size(), "the pending exchanges were waited for: " + received);
    }

    private void consumeSlowly(String uri, ShutdownRunningTask task) throws Exception {
        bindRecorder(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("watch").shutdownRunningTask(task).process(e -> {
                    received.add(describe(e.getMessage().getBody(MemberChange.class)));
                    Thread.sleep(200); // a slow downstream, so that the stop lands mid-batch
                });
            }
        });
    }

    /**
     * An exchange that reached the downstream view but was not committed (here the route fails after recording it;
     * a kill -9 between the two is the same for the store): its members' current status is sent again. A member whose
     * ADDED was in that exchange and who left before the next poll is reported REMOVED, never kept for ever; one whose
     * REMOVED was in it and who came back is reported ADDED.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "stateFile", "stateRepository", "memory" })
    void anExchangeDeliveredButNotCommittedIsSentAgainAsTheGroupNowIs(String store) throws Exception {
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 3);
        java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger(1);
        bindRecorder(context);
        context.getRegistry().bind("repository", new org.apache.camel.support.processor.state.MemoryStateRepository());
        String state = switch (store) {
            case "stateFile" -> "&stateFile=" + tempDir.resolve("s");
            case "stateRepository" -> "&stateRepository=#repository";
            default -> "";
        };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(CHANGES + "&splitMembers=true" + state + "&groupId=" + group).routeId("watch").process(e -> {
                    received.add(describe(e.getMessage().getBody(MemberChange.class)));
                    if (e.getMessage().getBody(MemberChange.class).member().identity().equals("user00002@example.com")
                        && failuresLeft.getAndDecrement() > 0) {
                        // Delivered downstream, then the route fails: the exchange is not committed.
                        emulator().directory().removeMember(group, "user00002@example.com");
                        throw new IllegalStateException("downstream failed after writing");
                    }
                });
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("REMOVED user00002@example.com"));
        awaitPolls(2);
        java.util.Set<String> view = new java.util.LinkedHashSet<>();
        for (String change : List.copyOf(received)) {
            String identity = change.substring(change.indexOf(' ') + 1);
            if (change.startsWith("ADDED")) {
                view.add(identity);
            } else {
                view.remove(identity);
            }
        }
        assertEquals(java.util.Set.copyOf(emulator().directory().memberEmails(group)), view,
                "the downstream view equals the group: " + received);
        assertEquals(1, received.stream().filter(c -> c.equals("REMOVED user00002@example.com")).count(), received.toString());
    }

    @Test
    void aPendingMembersRemovalDoesNotCountAgainstMaxRemovals() throws Exception {
        // The route fails on an ADDED before writing it, and the member leaves: the REMOVED that follows concerns a
        // member the stored membership never had, so maxRemovals=0 must not hold the group back.
        String group = emulator().directory().createGroup("Staff").id();
        emulator().directory().addMembers(group, 2);
        java.util.concurrent.atomic.AtomicBoolean failOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        bindRecorder(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(CHANGES + "&splitMembers=true&maxRemovals=0&groupId=" + group).routeId("watch").process(e -> {
                    MemberChange change = e.getMessage().getBody(MemberChange.class);
                    if (change.member().identity().equals("user00002@example.com") && failOnce.getAndSet(false)) {
                        emulator().directory().removeMember(group, "user00002@example.com");
                        throw new IllegalStateException("downstream refused it before writing");
                    }
                    received.add(describe(change));
                });
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("REMOVED user00002@example.com"));
        assertTrue(reported.stream().noneMatch(e -> rootMessages(e).contains("maxRemovals")), reported.toString());
    }

    @Test
    void negativeLimitsAreRefusedBeforeAnyCall() {
        for (String option : List.of("maxRemovals=-2", "maxMessagesPerPoll=-2")) {
            Exception e = assertThrows(Exception.class, () -> consume("watch-" + option.charAt(3),
                    CHANGES + "&groupId=g1&" + option));
            assertTrue(rootMessages(e).contains(option.substring(0, option.indexOf('=')) + " must be"), rootMessages(e));
        }
        assertEquals(0, polls());
    }

    // ---- helpers

    private void consume(String routeId, String uri) throws Exception {
        bindRecorder(context);
        context.addRoutes(route(routeId, uri));
    }

    /** The consumers' exception handler: records what they report. */
    private void bindRecorder(CamelContext target) {
        target.getRegistry().bind("recorder", ExceptionHandler.class, new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                reported.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                reported.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                reported.add(exception);
            }
        });
    }

    private RouteBuilder route(String routeId, String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(e -> {
                    Object body = e.getMessage().getBody();
                    if (body instanceof MemberChange change) {
                        received.add(describe(change));
                    } else if (body instanceof Member member) {
                        received.add(member.identity());
                    } else {
                        ((List<?>) body).forEach(c -> received.add(describe((MemberChange) c)));
                    }
                });
            }
        };
    }

    private CamelContext newContext() {
        CamelContext other = new DefaultCamelContext();
        MimecastDirectoryComponent component = new MimecastDirectoryComponent();
        component.getConfiguration().setBaseUrl(emulator().baseUrl());
        component.getConfiguration().setAccessKey(emulator().credentials().accessKey());
        component.getConfiguration().setSecretKey(emulator().credentials().secretKey());
        component.getConfiguration().setAppId(emulator().credentials().appId());
        component.getConfiguration().setAppKey(emulator().credentials().appKey());
        other.addComponent("mimecast-directory", component);
        bindRecorder(other);
        return other;
    }

    private static String describe(MemberChange change) {
        return change.changeType() + " " + change.member().identity();
    }

    /** What was received from index {@code from} on, copied first: the consumer may still be adding. */
    private List<String> receivedFrom(int from) {
        List<String> all = List.copyOf(received);
        return all.subList(from, all.size());
    }

    private int polls() {
        return emulator().requests("get-group-members").size();
    }

    /** Waits until at least {@code n} more get-group-members calls were answered. */
    private void awaitPolls(int n) {
        int start = polls();
        BooleanSupplier done = () -> polls() >= start + n;
        await().atMost(10, TimeUnit.SECONDS).until(done::getAsBoolean);
    }

    private HealthCheck.Result consumerHealth() {
        return HealthCheckHelper.invoke(context).stream().filter(r -> r.getCheck().getId().equals("consumer:watch"))
                .findFirst().orElseThrow();
    }

    private static String rootMessages(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join(" | ", messages);
    }
}

package org.apache.camel.component.mimecast.directory.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.mimecast.directory.ConsumerMode;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryEndpoint;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.RemovalConfirmation;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.ParallelCalls;
import org.apache.camel.component.mimecast.directory.client.PageIterator;
import org.apache.camel.component.mimecast.directory.model.GroupMembersResult;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.CHANGE_TYPE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_DESCRIPTION;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.LAST_PAGE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.NEXT_PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_NUMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_ID;

/**
 * Polls the members of the watched groups.
 * <ul>
 * <li>snapshot mode: every page is emitted as it is read (one page held at a time).</li>
 * <li>changes mode: each group is read completely (and read again to confirm removals, or removals confirmed by the
 * next poll: removalConfirmation), then its additions and
 * removals since the stored membership are emitted in pages; the store advances durably after every completed
 * exchange, so a crash repeats at most the exchange in flight.</li>
 * </ul>
 * Groups are isolated: a group that cannot be read (deleted, malformed reply, maxRemovals exceeded) emits and commits
 * nothing while the others are delivered, and the poll then ends with a {@link GroupsFailedException} naming it, so
 * that the consumer health check is DOWN until a poll succeeds for every group.
 */
public class MimecastDirectoryConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MimecastDirectoryConsumer.class);

    /** Pages as large as Mimecast is known to serve: the fewest calls per poll. */
    static final int DEFAULT_PAGE_SIZE = 500;

    private final MimecastDirectoryConfiguration configuration;
    private final GroupResolver groupResolver;
    private final int pageSize;
    private final GroupStatistics statistics = new GroupStatistics();
    private MembershipStore store;
    /** removalConfirmation=nextPoll: per group, the members missing from the last read (one poll thread per group). */
    private final Map<String, Set<String>> missingLastPoll = new ConcurrentHashMap<>();

    /** One exchange of changes, waiting in the batch. */
    private record PendingChanges(WatchedGroup group, List<MemberChange> slice, int pageNumber, boolean lastPage) {
    }

    public MimecastDirectoryConsumer(MimecastDirectoryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        if (endpoint.getOperation() != MimecastDirectoryOperation.GET_GROUP_MEMBERS) {
            throw new IllegalArgumentException(
                    "The mimecast-directory consumer reads group members: use from(\"mimecast-directory:get-group-members"
                                               + "?groupId=...\"), not " + endpoint.getOperation());
        }
        this.configuration = endpoint.getConfiguration();
        this.groupResolver = new GroupResolver(configuration);
        this.pageSize = configuration.getPageSize() != null ? configuration.getPageSize() : DEFAULT_PAGE_SIZE;
        if (configuration.getMaxMessagesPerPoll() != null) {
            if (configuration.getMaxMessagesPerPoll() < 0) {
                throw new MimecastValidationException("maxMessagesPerPoll",
                        "maxMessagesPerPoll must be 1 or more (or 0 / unset for no limit), got "
                                                                            + configuration.getMaxMessagesPerPoll());
            }
            setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        }
        configuration.removalLimit(null);
    }

    @Override
    public MimecastDirectoryEndpoint getEndpoint() {
        return (MimecastDirectoryEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        // What a poll before a stop found missing is no evidence now (removalConfirmation=nextPoll).
        missingLastPoll.clear();
        if (configuration.getMode() == ConsumerMode.changes) {
            if (configuration.getStateRepository() != null) {
                ServiceHelper.startService(configuration.getStateRepository());
            }
            store = MembershipStores.acquire(configuration);
            try {
                // Listed groups are claimed now, so that two routes sharing a state fail at start-up.
                groupResolver.listedGroupIds().forEach(id -> store.claim(id, this));
            } catch (RuntimeException e) {
                releaseStore();
                throw e;
            }
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        releaseStore();
    }

    private void releaseStore() {
        if (store != null) {
            store.releaseAll(this);
            MembershipStores.release(store);
            store = null;
        }
    }

    /** Per watched group: last read, members, changes delivered, last error (for the developer console). */
    public GroupStatistics getGroupStatistics() {
        return statistics;
    }

    @Override
    protected int poll() throws Exception {
        long started = System.nanoTime();
        try {
            return pollGroups();
        } finally {
            statistics.polled(System.nanoTime() - started);
            getEndpoint().getComponent().meters().consumerPolled(statistics);
        }
    }

    private int pollGroups() throws Exception {
        MimecastClient client = getEndpoint().getClient();
        List<WatchedGroup> groups = groupResolver.resolve(client, pageSize);
        GroupReader reader = new GroupReader(client, pageSize);
        Map<String, Exception> failures = new LinkedHashMap<>();
        int count = configuration.getMode() == ConsumerMode.changes
                ? pollChanges(reader, groups, failures) : pollSnapshot(reader, groups, failures);
        if (!failures.isEmpty()) {
            addLastErrorDetail("mimecast.failed.groups", String.join(",", failures.keySet()));
            throw new GroupsFailedException(failures);
        }
        // Ready after the first poll whose calls all succeeded.
        forceConsumerAsReady();
        return count;
    }

    // ---- changes mode

    private int pollChanges(GroupReader reader, List<WatchedGroup> groups, Map<String, Exception> failures)
            throws Exception {
        // The groups are read overlapped (maxConcurrentCalls; each group's pages follow their cursor), then their
        // changes are emitted in the order of the groups, exactly as a sequential poll would.
        List<Supplier<GroupRead>> reads = groups.stream()
                .map(group -> (Supplier<GroupRead>) () -> readChanges(reader, group)).toList();
        Queue<Object> batch = new ArrayDeque<>();
        for (GroupRead read : ParallelCalls.inOrder(getEndpoint().getCallExecutor(), reads)) {
            WatchedGroup group = read.group();
            if (read.failure() != null) {
                statistics.failed(group.id(), read.failure().getMessage());
                // Per group: the others are still delivered; this one keeps its state and is read again next poll.
                LOG.warn("Mimecast group {} not delivered this poll (nothing emitted or committed): {}", group.id(),
                        read.failure().getMessage());
                failures.put(group.id(), read.failure());
                continue;
            }
            GroupDiff diff = read.diff();
            if (diff == null) {
                continue; // stopping: the groups not read are read after the restart
            }
            statistics.read(group.id(), diff.members());
            if (diff.changes().isEmpty()) {
                if (diff.baseline()) {
                    // An empty group seen for the first time: remember it, so that later members are ADDED.
                    store.apply(group.id(), List.of(), List.of());
                    store.completePoll(group.id());
                }
                continue;
            }
            int chunk = configuration.isSplitMembers() ? 1 : pageSize;
            int pages = (diff.changes().size() + chunk - 1) / chunk;
            for (int page = 0; page < pages; page++) {
                List<MemberChange> slice = diff.changes().subList(page * chunk,
                        Math.min(diff.changes().size(), (page + 1) * chunk));
                batch.add(new PendingChanges(group, slice, page + 1, page == pages - 1));
            }
        }
        return processBatch(batch);
    }

    /** One group's read: its diff, null when the consumer is stopping, or the failure that kept it from being read. */
    private record GroupRead(WatchedGroup group, GroupDiff diff, Exception failure) {
    }

    private GroupRead readChanges(GroupReader reader, WatchedGroup group) {
        if (!isRunAllowed()) {
            return new GroupRead(group, null, null);
        }
        try {
            store.claim(group.id(), this);
            GroupDiff diff = GroupDiff.read(reader, group, store.load(group.id()), store.pending(group.id()),
                    missingLastPoll(group));
            checkMaxRemovals(diff);
            return new GroupRead(group, diff, null);
        } catch (Exception e) {
            return new GroupRead(group, null, e);
        }
    }

    /**
     * removalConfirmation=nextPoll: the group's members missing from the last poll's read (in memory: after a restart
     * a removal waits one more poll); null for secondRead.
     */
    private Set<String> missingLastPoll(WatchedGroup group) {
        if (configuration.getRemovalConfirmation() != RemovalConfirmation.nextPoll) {
            return null;
        }
        return missingLastPoll.computeIfAbsent(group.id(), id -> new LinkedHashSet<>());
    }

    private void checkMaxRemovals(GroupDiff diff) {
        Integer max = configuration.removalLimit(null);
        if (max != null && !diff.baseline() && diff.removals() > max) {
            // Logged at WARN with the other failed groups (see pollChanges).
            throw new MaxRemovalsExceededException(
                    "Group " + diff.group().id() + ": this poll would report " + diff.removals()
                                                   + " members as REMOVED, more than maxRemovals=" + max
                                                   + "; nothing emitted or committed for this group. If the removals "
                                                   + "are real, raise maxRemovals (or unset it) until a poll has "
                                                   + "delivered them; to start over with a baseline of ADDED members "
                                                   + "instead, stop the route and delete the state ("
                                                   + store.describe(diff.group().id()) + ")");
        }
    }

    /**
     * Emits the pending exchanges in order with Camel's batch properties, at most maxMessagesPerPoll of them (the
     * changes not emitted are computed again by the next poll, since the store only holds what completed). Stops at
     * the first exchange that fails: it and the rest are delivered by the next poll.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        if (maxMessagesPerPoll > 0 && total > maxMessagesPerPoll) {
            LOG.debug("Emitting {} of {} exchanges this poll (maxMessagesPerPoll); the rest on the next polls",
                    maxMessagesPerPoll, total);
            total = maxMessagesPerPoll;
        }
        Set<String> touched = new LinkedHashSet<>();
        int done = 0;
        try {
            for (int index = 0; index < total && isBatchAllowed(); index++) {
                PendingChanges pending = (PendingChanges) exchanges.poll();
                Exchange exchange = changesExchange(pending);
                exchange.setProperty(Exchange.BATCH_INDEX, index);
                exchange.setProperty(Exchange.BATCH_SIZE, total);
                exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
                pendingExchanges = total - index - 1;
                // Durable before it is emitted: if it reaches the downstream view but is not committed (a crash, a
                // route failing half way), the next poll sends these members' current status again.
                store.begin(pending.group().id(), GroupDiff.identities(pending.slice(), null));
                if (!process(exchange)) {
                    break;
                }
                // Durable before the next exchange: a crash from here on does not repeat this one.
                store.apply(pending.group().id(), GroupDiff.identities(pending.slice(), MemberChangeType.ADDED),
                        GroupDiff.identities(pending.slice(), MemberChangeType.REMOVED));
                touched.add(pending.group().id());
                statistics.emitted(pending.group().id(), pending.slice().size());
                done++;
            }
        } finally {
            pendingExchanges = 0;
            touched.forEach(store::completePoll);
        }
        return done;
    }

    private Exchange changesExchange(PendingChanges pending) {
        boolean single = configuration.isSplitMembers();
        List<MemberChange> slice = pending.slice();
        Exchange exchange = groupExchange(pending.group(), pending.pageNumber(), pending.lastPage(),
                single ? slice.get(0) : List.copyOf(slice));
        if (single) {
            exchange.getMessage().setHeader(CHANGE_TYPE, slice.get(0).changeType());
        }
        return exchange;
    }

    // ---- snapshot mode

    /**
     * Streams pages as they are read; the batch size is only known at the end, so it is set on the last exchange.
     * maxMessagesPerPoll ends the poll early (a snapshot has no state: the next poll starts over).
     */
    private int pollSnapshot(GroupReader reader, List<WatchedGroup> groups, Map<String, Exception> failures) {
        int[] count = { 0 };
        for (int g = 0; g < groups.size() && isBatchAllowed() && !limitReached(count[0]); g++) {
            WatchedGroup group = groups.get(g);
            try {
                if (!streamGroup(reader, group, g == groups.size() - 1, count)) {
                    break;
                }
            } catch (Exception e) {
                statistics.failed(group.id(), e.getMessage());
                LOG.warn("Mimecast group {} not read completely this poll: {}", group.id(), e.getMessage());
                failures.put(group.id(), e);
            }
        }
        return count[0];
    }

    private boolean limitReached(int count) {
        return maxMessagesPerPoll > 0 && count >= maxMessagesPerPoll;
    }

    private boolean streamGroup(GroupReader reader, WatchedGroup group, boolean lastGroup, int[] count) {
        PageIterator<GroupMembersResult> pages = reader.pages(group);
        int pageNumber = 0;
        int read = 0;
        while (pages.hasNext() && isBatchAllowed()) {
            ApiResponse<GroupMembersResult> page = pages.next();
            pageNumber++;
            List<Member> members = GroupReader.membersOf(group, page, pageNumber);
            read += members.size();
            statistics.emitted(group.id(), members.size());
            boolean lastPage = !pages.hasNext();
            if (lastPage) {
                statistics.read(group.id(), read);
            }
            List<Object> bodies = configuration.isSplitMembers() ? new ArrayList<>(members) : List.of(members);
            for (int i = 0; i < bodies.size(); i++) {
                boolean complete = lastGroup && lastPage && i == bodies.size() - 1 || limitReached(count[0] + 1);
                Exchange exchange = groupExchange(group, pageNumber, lastPage, bodies.get(i));
                exchange.getMessage().setHeader(NEXT_PAGE_TOKEN, page.body().nextPageToken());
                exchange.getMessage().setHeader(REQUEST_ID, page.requestId());
                exchange.setProperty(Exchange.BATCH_INDEX, count[0]);
                if (complete) {
                    // Camel's aggregator completes a batch-consumer batch when its count reaches this size.
                    exchange.setProperty(Exchange.BATCH_SIZE, count[0] + 1);
                }
                exchange.setProperty(Exchange.BATCH_COMPLETE, complete);
                count[0]++;
                if (!process(exchange) || complete) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- shared

    /** Processes one exchange; false when it failed (reported to the exception handler). */
    private boolean process(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        if (failure != null) {
            getExceptionHandler().handleException(
                    "Error processing Mimecast members exchange; the next poll delivers it again", exchange, failure);
        }
        releaseExchange(exchange, false);
        return failure == null;
    }

    private Exchange groupExchange(WatchedGroup group, int pageNumber, boolean lastPage, Object body) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(body);
        message.setHeader(GROUP_ID, group.id());
        if (group.description() != null) {
            message.setHeader(GROUP_DESCRIPTION, group.description());
        }
        message.setHeader(PAGE_NUMBER, pageNumber);
        message.setHeader(PAGE_SIZE, pageSize);
        message.setHeader(LAST_PAGE, lastPage);
        return exchange;
    }

}

package org.apache.camel.component.mimecast.directory.consumer;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.mimecast.directory.ConsumerMode;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryEndpoint;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.PageIterator;
import org.apache.camel.component.mimecast.directory.model.GroupIdRequest;
import org.apache.camel.component.mimecast.directory.model.GroupMembersResult;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChange;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.CHANGE_TYPE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_DESCRIPTION;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.LAST_PAGE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.NEXT_PAGE_TOKEN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_NUMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PAGE_SIZE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REQUEST_ID;

/**
 * Polls the members of the watched groups. In snapshot mode every page is emitted as it is read (one page held at a
 * time). In changes mode each group is read completely first (a failed call emits and commits nothing), then the
 * additions and removals since the last completed poll are emitted in pages; the stored membership is written once
 * per group, covering only the exchanges that completed, so a failing route gets the rest again on the next poll.
 */
public class MimecastDirectoryConsumer extends ScheduledBatchPollingConsumer {

    /** Pages as large as Mimecast is known to serve: the fewest calls per poll. */
    static final int DEFAULT_PAGE_SIZE = 500;
    /** FileStateRepository resets itself past its size cap (1 MB by default): allow large memberships. */
    static final long STATE_FILE_MAX_SIZE = 64L * 1024 * 1024;

    private final MimecastDirectoryConfiguration configuration;
    private final GroupResolver groupResolver;
    private final int pageSize;
    private StateRepository<String, String> stateRepository;
    private boolean ownsStateRepository;
    private MembershipStore membershipStore;

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
    }

    @Override
    public MimecastDirectoryEndpoint getEndpoint() {
        return (MimecastDirectoryEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.getMode() == ConsumerMode.changes) {
            stateRepository = configuration.getStateRepository();
            ownsStateRepository = stateRepository == null;
            if (stateRepository == null) {
                stateRepository = configuration.getStateFile() != null
                        ? FileStateRepository.fileStateRepository(new File(configuration.getStateFile()),
                                STATE_FILE_MAX_SIZE)
                        : new MemoryStateRepository();
            }
            ServiceHelper.startService(stateRepository);
            membershipStore = new MembershipStore(stateRepository);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownsStateRepository) {
            ServiceHelper.stopService(stateRepository);
        }
    }

    @Override
    protected int poll() throws Exception {
        MimecastClient client = getEndpoint().getClient();
        List<WatchedGroup> groups = groupResolver.resolve(client, pageSize);
        Emitter emitter = new Emitter();
        if (configuration.getMode() == ConsumerMode.changes) {
            // Every group is read before anything is emitted: a failed call leaves the whole poll uncommitted, and
            // the batch size is exact.
            List<GroupChanges> all = new ArrayList<>(groups.size());
            for (WatchedGroup group : groups) {
                all.add(readChanges(client, group));
            }
            int total = all.stream().mapToInt(GroupChanges::pageCount).sum();
            for (int i = 0; i < all.size() && !emitter.failed; i++) {
                emitChanges(all.get(i), total, emitter);
            }
        } else {
            for (int i = 0; i < groups.size() && !emitter.failed; i++) {
                pollSnapshot(client, groups.get(i), i == groups.size() - 1, emitter);
            }
        }
        // Ready after the first poll whose calls all succeeded (a failed call throws above and marks the poll failed).
        forceConsumerAsReady();
        return emitter.count;
    }

    private void pollSnapshot(MimecastClient client, WatchedGroup group, boolean lastGroup, Emitter emitter) {
        PageIterator<GroupMembersResult> pages = members(client, group);
        int pageNumber = 0;
        while (pages.hasNext() && !emitter.failed) {
            ApiResponse<GroupMembersResult> page = pages.next();
            pageNumber++;
            List<Member> members = membersOf(page);
            boolean lastPage = !pages.hasNext();
            if (configuration.isSplitMembers()) {
                for (int m = 0; m < members.size() && !emitter.failed; m++) {
                    Exchange exchange = pageExchange(group, page, pageNumber, lastPage, members.get(m));
                    emitter.emitStreamed(exchange, lastGroup && lastPage && m == members.size() - 1);
                }
            } else {
                emitter.emitStreamed(pageExchange(group, page, pageNumber, lastPage, members), lastGroup && lastPage);
            }
        }
    }

    /** One group's membership diff since the last completed poll. */
    private record GroupChanges(WatchedGroup group, Set<String> previous, Set<String> current,
            List<MemberChange> changes, int chunkSize) {

        int pageCount() {
            return (changes.size() + chunkSize - 1) / chunkSize;
        }
    }

    private GroupChanges readChanges(MimecastClient client, WatchedGroup group) {
        Set<String> previous = membershipStore.load(group.id());
        Set<String> current = new LinkedHashSet<>();
        List<MemberChange> changes = new ArrayList<>();
        PageIterator<GroupMembersResult> pages = members(client, group);
        while (pages.hasNext()) {
            for (Member member : membersOf(pages.next())) {
                String identity = member.identity();
                if (identity != null && current.add(identity) && (previous == null || !previous.contains(identity))) {
                    changes.add(new MemberChange(group.id(), MemberChangeType.ADDED, member));
                }
            }
        }
        if (previous != null) {
            previous.stream().filter(identity -> !current.contains(identity))
                    .map(identity -> new MemberChange(group.id(), MemberChangeType.REMOVED, removedMember(identity)))
                    .forEach(changes::add);
        }
        return new GroupChanges(group, previous, current, changes, configuration.isSplitMembers() ? 1 : pageSize);
    }

    private void emitChanges(GroupChanges diff, int batchSize, Emitter emitter) {
        WatchedGroup group = diff.group();
        if (diff.changes().isEmpty()) {
            if (diff.previous() == null) {
                membershipStore.save(group.id(), diff.current());
            }
            return;
        }
        Set<String> committed = diff.previous() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(diff.previous());
        List<MemberChange> changes = diff.changes();
        int chunk = diff.chunkSize();
        int pageCount = diff.pageCount();
        boolean progressed = false;
        for (int page = 0; page < pageCount && !emitter.failed; page++) {
            List<MemberChange> slice = changes.subList(page * chunk, Math.min(changes.size(), (page + 1) * chunk));
            Exchange exchange = changesExchange(group, slice, page + 1, page == pageCount - 1);
            if (emitter.emit(exchange, emitter.count == batchSize - 1, batchSize)) {
                slice.forEach(change -> apply(committed, change));
                progressed = true;
            }
        }
        // One write per group: after every exchange completed, or up to the first that failed (so that the next poll
        // redelivers only the rest). A FileStateRepository appends each write, so per page writes would grow it
        // quadratically with the group size.
        if (progressed) {
            membershipStore.save(group.id(), committed);
        }
    }

    private static void apply(Set<String> membership, MemberChange change) {
        if (change.changeType() == MemberChangeType.ADDED) {
            membership.add(change.member().identity());
        } else {
            membership.remove(change.member().identity());
        }
    }

    private static Member removedMember(String identity) {
        return identity.contains("@") ? new Member(identity, null, null, null, null)
                : new Member(null, null, identity, null, null);
    }

    private PageIterator<GroupMembersResult> members(MimecastClient client, WatchedGroup group) {
        return new PageIterator<>(client, MimecastDirectoryOperation.GET_GROUP_MEMBERS, new GroupIdRequest(group.id()),
                pageSize, null, GroupMembersResult.class);
    }

    private static List<Member> membersOf(ApiResponse<GroupMembersResult> page) {
        List<Member> members = new ArrayList<>();
        page.body().data().forEach(d -> members.addAll(d.groupMembers() == null ? List.of() : d.groupMembers()));
        return members;
    }

    private Exchange pageExchange(
            WatchedGroup group, ApiResponse<GroupMembersResult> page, int pageNumber, boolean lastPage, Object body) {
        Exchange exchange = groupExchange(group, pageNumber, lastPage, body);
        exchange.getMessage().setHeader(NEXT_PAGE_TOKEN, page.body().nextPageToken());
        exchange.getMessage().setHeader(REQUEST_ID, page.requestId());
        return exchange;
    }

    private Exchange changesExchange(WatchedGroup group, List<MemberChange> slice, int pageNumber, boolean lastPage) {
        boolean single = configuration.isSplitMembers();
        Exchange exchange = groupExchange(group, pageNumber, lastPage, single ? slice.get(0) : List.copyOf(slice));
        if (single) {
            exchange.getMessage().setHeader(CHANGE_TYPE, slice.get(0).changeType());
        }
        return exchange;
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

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        // Exchanges are emitted while pages are read (see poll) so that one page at a time is held.
        int count = 0;
        for (Object exchange : exchanges) {
            getProcessor().process((Exchange) exchange);
            count++;
        }
        return count;
    }

    /** Emits exchanges in order with the batch properties; stops the poll at the first exchange that fails. */
    private final class Emitter {
        int count;
        boolean failed;

        /** Emits one of a stream whose size is only known at its end: the size is set on the last exchange. */
        boolean emitStreamed(Exchange exchange, boolean complete) {
            return emit(exchange, complete, complete ? count + 1 : 0);
        }

        boolean emit(Exchange exchange, boolean complete, int batchSize) {
            exchange.setProperty(Exchange.BATCH_INDEX, count);
            if (batchSize > 0) {
                // Camel's aggregator completes a batch-consumer batch when its count reaches this size.
                exchange.setProperty(Exchange.BATCH_SIZE, batchSize);
            }
            exchange.setProperty(Exchange.BATCH_COMPLETE, complete);
            count++;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                failed = true;
                getExceptionHandler().handleException(
                        "Error processing Mimecast members page; the next poll delivers it again", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
            return !failed;
        }
    }
}

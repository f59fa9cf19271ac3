package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mimecast.directory.MimecastApiException;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastMembershipException;
import org.apache.camel.component.mimecast.directory.MimecastRemovalLimitException;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.client.RateLimitStatus;
import org.apache.camel.component.mimecast.directory.consumer.GroupReadException;
import org.apache.camel.component.mimecast.directory.consumer.GroupReader;
import org.apache.camel.component.mimecast.directory.model.ApiError;
import org.apache.camel.component.mimecast.directory.model.FailedMemberChange;
import org.apache.camel.component.mimecast.directory.model.GroupMemberRequest;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.model.MemberAddress;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.ADDED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.ALLOW_EMPTY;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DRY_RUN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.FAILED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REMOVED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.UNCHANGED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.ADD_GROUP_MEMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.REMOVE_GROUP_MEMBER;

/**
 * set-group-members: makes a group equal the wanted list in the body. Reads every page of the group's members with
 * the consumer's strict {@link GroupReader} (a reply that is not the group fails the run before any write), then
 * sends the adds and the removes through the add/remove-group-member write path, in independent batches:
 * {@code ceil(members / pageSize)} reads plus {@code ceil(adds / batchSize)} plus {@code ceil(removes / batchSize)}
 * writes. Nothing is written in a dry run, for an empty list unless allowed, or when the plan removes more than the
 * removal limit; a second run with the same list writes nothing. Runs on one group take turns ({@link GroupRuns}).
 */
final class SetGroupMembersHandler implements OperationHandler {

    /** The page size when none is set: the largest one known to work, so that big groups take few reads. */
    static final int DEFAULT_PAGE_SIZE = 500;
    /** The removal limit when maxRemovals is unset, as Entra Connect's accidental-delete prevention. */
    static final int DEFAULT_MAX_REMOVALS = 500;

    private final WriteHandler<GroupMemberRequest, MemberChangeResult, MemberChangeResult> memberWrites;
    private final WantedMembersReader reader;

    SetGroupMembersHandler(WriteHandler<GroupMemberRequest, MemberChangeResult, MemberChangeResult> memberWrites,
                           WantedMembersReader reader) {
        this.memberWrites = memberWrites;
        this.reader = reader;
    }

    @Override
    public void process(Exchange exchange, ProducerContext context) {
        MimecastDirectoryConfiguration configuration = context.configuration();
        String groupId = exchange.getMessage().getHeader(GROUP_ID, configuration.getGroupId(), String.class);
        if (groupId == null || groupId.isBlank()) {
            throw new MimecastValidationException(
                    "groupId",
                    "set-group-members needs groupId: set the groupId option or the " + GROUP_ID + " header");
        }
        Integer maxRemovals = configuration.removalLimit(DEFAULT_MAX_REMOVALS);
        WriteHandler.requireValidBatchSize(configuration);
        boolean dryRun = ExchangeInputs.headerOrOption(
                exchange, DRY_RUN, configuration.isDryRun(), Boolean.class, "dryRun", "true or false");
        boolean allowEmpty = ExchangeInputs.headerOrOption(
                exchange, ALLOW_EMPTY, configuration.isAllowEmpty(), Boolean.class, "allowEmpty", "true or false");
        Integer pageSize = ExchangeInputs.pageSize(exchange, configuration);
        List<WantedMember> wanted = reader.read(exchange, groupId);
        if (wanted.isEmpty() && !allowEmpty) {
            throw new MimecastValidationException(
                    "body", "set-group-members got an empty list for group " + groupId + ", which would remove every"
                            + " member: nothing was read or written. If the group is meant to be emptied, set"
                            + " allowEmpty=true or the " + ALLOW_EMPTY + " header");
        }

        try (GroupRuns.Run run = GroupRuns.start(configuration.resolveBaseUrl(), groupId,
                configuration.getCallTimeout())) {
            GroupReader.GroupMembers current = new GroupReader(context.client(),
                    pageSize != null ? pageSize : DEFAULT_PAGE_SIZE).read(groupId);
            refuseLookAlikes(groupId, current);
            MembershipPlan plan = MembershipPlan.of(wanted, current.members());
            boolean limitExceeded = maxRemovals != null && plan.toRemove().size() > maxRemovals;
            Outcome outcome = new Outcome(groupId, plan, maxRemovals, limitExceeded);
            outcome.count(current.requests(), current.lastPage().requestId(), current.lastPage().rateLimit());
            if (dryRun) {
                finish(exchange.getMessage(), outcome.plannedResult(), outcome);
                return;
            }
            if (limitExceeded) {
                throw new MimecastRemovalLimitException(outcome.plannedResult(), maxRemovals);
            }
            boolean stopped = apply(MemberChangeType.ADDED, plan.toAdd(), outcome, context);
            if (stopped) {
                outcome.notSent(MemberChangeType.REMOVED, plan.toRemove(), "the adds were stopped");
            } else {
                apply(MemberChangeType.REMOVED, plan.toRemove(), outcome, context);
            }
            SetGroupMembersResult result = outcome.result();
            if (outcome.requestFailure != null) {
                throw new MimecastMembershipException(result, outcome.requestFailure.getHttpStatus(),
                        outcome.requestFailure.getRequestId(), outcome.itemFailures, outcome.requestFailure);
            }
            if (!result.isComplete() && configuration.isThrowOnItemFailure()) {
                throw new MimecastMembershipException(result, 200, outcome.lastRequestId, outcome.itemFailures, null);
            }
            finish(exchange.getMessage(), result, outcome);
        }
    }

    /**
     * A member listed with an invisible character or surrounding spaces may be a look-alike of a wanted member, or
     * the same one as Mimecast spells it: removing it could remove the real member. Nothing is planned on such a read.
     */
    private static void refuseLookAlikes(String groupId, GroupReader.GroupMembers current) {
        for (var member : current.members().values()) {
            String value = member.emailAddress() != null ? member.emailAddress() : member.domain();
            String invisible = MemberAddress.invisibleCharacter(value);
            if (invisible != null || !value.equals(value.trim())) {
                throw new GroupReadException(groupId, "set-group-members on group " + groupId + " found a member '"
                        + value.trim() + "' listed with " + (invisible != null ? "an invisible character, " + invisible
                        : "surrounding spaces") + ": nothing was written, since it may be a look-alike of a wanted"
                        + " member. Correct it in Mimecast, then run again");
            }
        }
    }

    /** Sends one kind of change; returns true when the write was stopped (its later requests not sent). */
    private boolean apply(MemberChangeType type, List<WantedMember> changes, Outcome outcome,
                          ProducerContext context) {
        if (changes.isEmpty()) {
            return false;
        }
        List<GroupMemberRequest> requests = changes.stream().map(m -> m.request(outcome.groupId)).toList();
        ProducerContext writes
                = context.forOperation(type == MemberChangeType.ADDED ? ADD_GROUP_MEMBER : REMOVE_GROUP_MEMBER);
        WriteHandler.Written<MemberChangeResult> written = memberWrites.write(requests, writes);
        outcome.count(written.requests(), written.lastRequestId(), written.rateLimit());
        if (outcome.requestFailure == null) {
            outcome.requestFailure = written.firstRequestFailure();
        }
        List<ItemResult<MemberChangeResult>> results = written.outcomes();
        boolean stopped = false;
        for (int i = 0; i < changes.size(); i++) {
            ItemFailure failure = results.get(i).failure();
            stopped |= failure != null && failure.codes().equals(WriteHandler.NOT_SENT);
            outcome.answered(type, changes.get(i), failure);
        }
        return stopped;
    }

    private static void finish(Message message, SetGroupMembersResult result, Outcome outcome) {
        message.setBody(result);
        message.setHeader(ADDED_COUNT, result.added().size());
        message.setHeader(REMOVED_COUNT, result.removed().size());
        message.setHeader(UNCHANGED_COUNT, result.unchanged().size());
        message.setHeader(FAILED_COUNT, result.failed().size());
        CallHeaders.set(message, outcome.lastRequestId, outcome.requests, outcome.rateLimit);
    }

    /** What happened so far, and what the calls cost. */
    private static final class Outcome {
        final String groupId;
        final MembershipPlan plan;
        final Integer maxRemovals;
        final boolean limitExceeded;
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<FailedMemberChange> failed = new ArrayList<>();
        final List<ItemFailure> itemFailures = new ArrayList<>();
        MimecastApiException requestFailure;
        int requests;
        String lastRequestId;
        RateLimitStatus rateLimit;

        Outcome(String groupId, MembershipPlan plan, Integer maxRemovals, boolean limitExceeded) {
            this.groupId = groupId;
            this.plan = plan;
            this.maxRemovals = maxRemovals;
            this.limitExceeded = limitExceeded;
            plan.unchanged().forEach(m -> unchanged.add(m.value()));
        }

        /** The plan as a result, what would be added and removed; this outcome is left as it is. */
        SetGroupMembersResult plannedResult() {
            return new SetGroupMembersResult(groupId, true, plan.toAdd().stream().map(WantedMember::value).toList(),
                    plan.toRemove().stream().map(WantedMember::value).toList(), unchanged, List.of(), maxRemovals,
                    limitExceeded);
        }

        void count(int moreRequests, String requestId, RateLimitStatus limit) {
            requests += moreRequests;
            if (requestId != null) {
                lastRequestId = requestId;
                rateLimit = limit;
            }
        }

        void answered(MemberChangeType type, WantedMember member, ItemFailure failure) {
            if (failure == null) {
                (type == MemberChangeType.ADDED ? added : removed).add(member.value());
            } else if (type == MemberChangeType.ADDED && failure.codes().equals(WriteHandler.ALREADY_MEMBER)) {
                unchanged.add(member.value());
            } else if (type == MemberChangeType.REMOVED && failure.codes().equals(WriteHandler.NOT_MEMBER)) {
                // Already gone: the group is as wanted for this member, and nothing was removed by this run.
            } else {
                itemFailures.add(failure);
                failed.add(new FailedMemberChange(member.value(), type, failure.errors(),
                        WriteHandler.UNCONFIRMED.equals(failure.codes())));
            }
        }

        void notSent(MemberChangeType type, List<WantedMember> members, String why) {
            ApiError error = new ApiError(WriteHandler.NOT_SENT, "not sent: " + why, true);
            members.forEach(m -> failed.add(new FailedMemberChange(m.value(), type, List.of(error), false)));
        }

        SetGroupMembersResult result() {
            return new SetGroupMembersResult(groupId, false, added, removed, unchanged, failed, maxRemovals, false);
        }
    }
}

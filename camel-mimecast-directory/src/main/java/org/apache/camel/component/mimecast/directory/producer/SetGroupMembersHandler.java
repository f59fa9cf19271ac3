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
import org.apache.camel.component.mimecast.directory.model.ApiError;
import org.apache.camel.component.mimecast.directory.model.FailedMemberChange;
import org.apache.camel.component.mimecast.directory.model.GroupIdRequest;
import org.apache.camel.component.mimecast.directory.model.GroupMemberRequest;
import org.apache.camel.component.mimecast.directory.model.GroupMembersResult;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.ItemResult;
import org.apache.camel.component.mimecast.directory.model.Member;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.directory.model.MemberChangeType;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.ADDED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DRY_RUN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.FAILED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.REMOVED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.UNCHANGED_COUNT;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.ADD_GROUP_MEMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.GET_GROUP_MEMBERS;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.REMOVE_GROUP_MEMBER;

/**
 * set-group-members: makes a group equal the wanted list in the body. Reads every page of the group's members
 * through the get-group-members handler, then sends the adds and the removes through the add/remove-group-member
 * write path, in batches: {@code ceil(members / pageSize)} reads plus {@code ceil(adds / batchSize)} plus
 * {@code ceil(removes / batchSize)} writes. Nothing is written in a dry run or when the plan removes more than
 * maxRemovals; a second run with the same list writes nothing.
 */
final class SetGroupMembersHandler implements OperationHandler {

    /** The page size when none is set: the largest one known to work, so that big groups take few reads. */
    static final int DEFAULT_PAGE_SIZE = 500;
    // Someone else made the same change meanwhile: the group is already as wanted for that member.
    private static final String ALREADY_MEMBER = "err_folder_group_member_already_exists";
    private static final String NOT_MEMBER = "err_folder_email_address_not_found";

    private final PagedReadHandler<GroupIdRequest, GroupMembersResult, Member> memberReads;
    private final WriteHandler<GroupMemberRequest, MemberChangeResult, MemberChangeResult> memberWrites;
    private final WantedMembersReader reader;

    SetGroupMembersHandler(PagedReadHandler<GroupIdRequest, GroupMembersResult, Member> memberReads,
                           WriteHandler<GroupMemberRequest, MemberChangeResult, MemberChangeResult> memberWrites,
                           WantedMembersReader reader) {
        this.memberReads = memberReads;
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
        Integer maxRemovals = configuration.getMaxRemovals();
        if (maxRemovals != null && maxRemovals < 0) {
            throw new MimecastValidationException(
                    "maxRemovals", "maxRemovals must be 0 or more, was " + maxRemovals + ": or leave it unset");
        }
        WriteHandler.requireValidBatchSize(configuration);
        boolean dryRun = ExchangeInputs.headerOrOption(
                exchange, DRY_RUN, configuration.isDryRun(), Boolean.class, "dryRun", "true or false");
        Integer pageSize = ExchangeInputs.pageSize(exchange, configuration);
        List<WantedMember> wanted = reader.read(exchange, groupId);

        PagedReadHandler.Pages<GroupMembersResult, Member> current = memberReads.read(
                context.forOperation(GET_GROUP_MEMBERS), new GroupIdRequest(groupId),
                pageSize != null ? pageSize : DEFAULT_PAGE_SIZE, null, true);
        MembershipPlan plan = MembershipPlan.of(wanted, current.items());
        Outcome outcome = new Outcome(groupId, plan, current.requests(), current.lastPage().requestId(),
                current.lastPage().rateLimit());

        if (dryRun) {
            finish(exchange.getMessage(), outcome.planned());
            return;
        }
        if (maxRemovals != null && plan.toRemove().size() > maxRemovals) {
            throw new MimecastRemovalLimitException(outcome.planned().result(), maxRemovals);
        }
        MimecastApiException interruption = apply(MemberChangeType.ADDED, plan.toAdd(), outcome, context);
        if (interruption == null) {
            interruption = apply(MemberChangeType.REMOVED, plan.toRemove(), outcome, context);
        } else {
            outcome.notSent(MemberChangeType.REMOVED, plan.toRemove());
        }
        SetGroupMembersResult result = outcome.result();
        if (interruption != null) {
            throw new MimecastMembershipException(result, interruption.getHttpStatus(), interruption.getRequestId(),
                    interruption.getFailures(), interruption);
        }
        if (!result.isComplete() && configuration.isThrowOnItemFailure()) {
            throw new MimecastMembershipException(result, 200, outcome.lastRequestId, outcome.itemFailures, null);
        }
        finish(exchange.getMessage(), outcome);
    }

    /** Sends one kind of change; returns the failure of a request that stopped it, or null. */
    private MimecastApiException apply(MemberChangeType type, List<WantedMember> changes, Outcome outcome,
                                       ProducerContext context) {
        if (changes.isEmpty()) {
            return null;
        }
        List<GroupMemberRequest> requests = changes.stream().map(m -> m.request(outcome.groupId)).toList();
        ProducerContext writes
                = context.forOperation(type == MemberChangeType.ADDED ? ADD_GROUP_MEMBER : REMOVE_GROUP_MEMBER);
        WriteHandler.Written<MemberChangeResult> written = memberWrites.write(requests, writes);
        outcome.count(written.requests(), written.lastRequestId(), written.rateLimit());
        int from = 0;
        for (WriteHandler.Batch<MemberChangeResult> batch : written.batches()) {
            List<WantedMember> members = changes.subList(from, from + batch.size());
            from += batch.size();
            if (batch.outcomes() != null) {
                for (int i = 0; i < members.size(); i++) {
                    outcome.answered(type, members.get(i), batch.outcomes().get(i).failure());
                }
            } else if (batch.failure() != null) {
                MimecastApiException failure = batch.failure();
                // 4xx (429 included): Mimecast did not run the request. Otherwise (5xx, no answer) it may have.
                boolean mayHaveRun = failure.getHttpStatus() < 400 || failure.getHttpStatus() >= 500;
                ApiError error = new ApiError(
                        failure.getErrorCodes().isEmpty() ? "http_" + failure.getHttpStatus()
                                : failure.getErrorCodes().get(0),
                        failure.getMessage(), failure.isRetryable());
                for (WantedMember member : members) {
                    outcome.failed.add(new FailedMemberChange(member.value(), type, List.of(error), mayHaveRun));
                }
            } else {
                outcome.notSent(type, members);
            }
        }
        MimecastApiException interruption = written.interruption();
        return interruption;
    }

    private static void finish(Message message, Outcome outcome) {
        SetGroupMembersResult result = outcome.result();
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
        boolean dryRun;
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> unchanged = new ArrayList<>();
        final List<FailedMemberChange> failed = new ArrayList<>();
        final List<ItemFailure> itemFailures = new ArrayList<>();
        int requests;
        String lastRequestId;
        RateLimitStatus rateLimit;

        Outcome(String groupId, MembershipPlan plan, int requests, String lastRequestId, RateLimitStatus rateLimit) {
            this.groupId = groupId;
            this.plan = plan;
            plan.unchanged().forEach(m -> unchanged.add(m.value()));
            count(requests, lastRequestId, rateLimit);
        }

        /** The plan as a result: what would be added and removed. */
        Outcome planned() {
            dryRun = true;
            plan.toAdd().forEach(m -> added.add(m.value()));
            plan.toRemove().forEach(m -> removed.add(m.value()));
            return this;
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
            } else if (type == MemberChangeType.ADDED && failure.codes().equals(ALREADY_MEMBER)) {
                unchanged.add(member.value());
            } else if (type == MemberChangeType.REMOVED && failure.codes().equals(NOT_MEMBER)) {
                // Already gone: the group is as wanted for this member, and nothing was removed by this run.
            } else {
                itemFailures.add(failure);
                // An unconfirmed item (the response named no item for one of its failures) may have been applied.
                failed.add(new FailedMemberChange(member.value(), type, failure.errors(),
                        WriteHandler.UNCONFIRMED.equals(failure.codes())));
            }
        }

        void notSent(MemberChangeType type, List<WantedMember> members) {
            ApiError error = new ApiError("not_sent", "not sent: an earlier request failed", true);
            members.forEach(m -> failed.add(new FailedMemberChange(m.value(), type, List.of(error), false)));
        }

        SetGroupMembersResult result() {
            return new SetGroupMembersResult(groupId, dryRun, added, removed, unchanged, failed);
        }
    }
}

package org.apache.camel.component.mimecast.directory;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.camel.component.mimecast.directory.model.FailedMemberChange;
import org.apache.camel.component.mimecast.directory.model.ItemFailure;
import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;

/**
 * set-group-members applied only part of its plan: Mimecast rejected some adds or removes, or a request failed as a
 * whole. {@link #getResult()} says exactly which members were added and removed and which changes failed; the message
 * lists them too.
 */
public class MimecastMembershipException extends MimecastApiException {

    private final transient SetGroupMembersResult result;

    public MimecastMembershipException(SetGroupMembersResult result, int httpStatus, String requestId,
                                       List<ItemFailure> failures, MimecastApiException cause) {
        super(message(result, cause), MimecastDirectoryOperation.SET_GROUP_MEMBERS.operationName(), httpStatus,
              requestId, cause != null ? cause.isRetryable() : failures.stream().allMatch(ItemFailure::isRetryable),
              failures, List.of(), cause);
        this.result = result;
    }

    /** What was applied (added, removed) and what was not (failed), for the group. */
    public SetGroupMembersResult getResult() {
        return result;
    }

    private static String message(SetGroupMembersResult result, MimecastApiException cause) {
        return "set-group-members on group " + result.groupId() + ": " + result.failed().size()
               + " change(s) not applied"
               + (cause == null ? "" : " (a request failed: " + cause.getMessage() + ")")
               + ". Failed: " + result.failed().stream().map(FailedMemberChange::describe)
                       .collect(Collectors.joining(", "))
               + ". Applied: added " + result.added() + ", removed " + result.removed();
    }
}

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

    /** Failed changes named in the message; the rest are counted (getResult() has them all). */
    private static final int NAMED_AT_MOST = 10;
    private static final int CAUSE_LENGTH = 300;

    private static String message(SetGroupMembersResult result, MimecastApiException cause) {
        List<FailedMemberChange> failed = result.failed();
        long mayHaveBeenApplied = failed.stream().filter(FailedMemberChange::mayHaveBeenApplied).count();
        String causeText = cause == null ? "" : cause.getMessage();
        return "set-group-members on group " + result.groupId() + ": " + failed.size() + " change(s) not applied"
               + (mayHaveBeenApplied > 0 ? " (" + mayHaveBeenApplied + " may have been applied: read the group)" : "")
               + ". Failed: " + named(failed.stream().map(FailedMemberChange::describe).toList())
               + ". Applied: added [" + named(result.added()) + "], removed [" + named(result.removed()) + "]"
               + (cause == null ? "" : ". A request failed: "
                                       + (causeText.length() > CAUSE_LENGTH
                                               ? causeText.substring(0, CAUSE_LENGTH) + "..." : causeText));
    }

    /** The first few, and how many more: a run over a big group can fail thousands of changes. */
    private static String named(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(NAMED_AT_MOST, items.size())));
        return items.size() <= NAMED_AT_MOST ? shown : shown + " and " + (items.size() - NAMED_AT_MOST) + " more";
    }
}

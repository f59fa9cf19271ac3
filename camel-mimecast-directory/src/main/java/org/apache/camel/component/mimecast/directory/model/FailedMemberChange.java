package org.apache.camel.component.mimecast.directory.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A change of set-group-members that is not confirmed as applied: Mimecast rejected the item ({@code fail[]}), its
 * request failed as a whole, or it was not sent because an earlier request failed.
 *
 * @param member  the email address or domain
 * @param change  ADDED for an add, REMOVED for a remove
 * @param errors  Mimecast's errors for the item; for a failed request, one error describing it
 * @param mayHaveBeenApplied true when the request failed without a clear answer (a timeout, a 5xx): read the group
 *                           again to know
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FailedMemberChange(String member, MemberChangeType change, List<ApiError> errors,
        boolean mayHaveBeenApplied) {

    public FailedMemberChange {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** For messages, e.g. {@code + carol@example.com (err_xdk_operation_forbidden_for_address)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(change == MemberChangeType.ADDED ? "+ " : "- ").append(member);
        if (!errors.isEmpty()) {
            text.append(" (");
            for (int i = 0; i < errors.size(); i++) {
                ApiError error = errors.get(i);
                text.append(i == 0 ? "" : ", ").append(error.code() != null ? error.code() : error.message());
            }
            text.append(')');
        }
        return text.toString();
    }
}

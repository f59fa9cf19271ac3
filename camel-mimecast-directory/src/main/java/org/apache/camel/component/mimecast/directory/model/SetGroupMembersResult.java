package org.apache.camel.component.mimecast.directory.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of set-group-members: what changed to make the group equal the wanted list. In a dry run, nothing was
 * written and {@code added} and {@code removed} are the plan.
 *
 * @param groupId   the Mimecast ID of the group
 * @param dryRun    whether this is only the plan
 * @param added     the email addresses and domains added (confirmed by Mimecast), as given in the wanted list
 * @param removed   the members removed (confirmed by Mimecast), as Mimecast spelt them
 * @param unchanged the wanted members that were already in the group
 * @param failed    the adds and removes not confirmed, with Mimecast's reason
 * @param maxRemovals          the removal limit in force, or null when switched off
 * @param removalLimitExceeded whether the plan removes more than the limit: a run refuses it before any write
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SetGroupMembersResult(String groupId, boolean dryRun, List<String> added, List<String> removed,
        List<String> unchanged, List<FailedMemberChange> failed, Integer maxRemovals, boolean removalLimitExceeded) {

    public SetGroupMembersResult {
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        unchanged = unchanged == null ? List.of() : List.copyOf(unchanged);
        failed = failed == null ? List.of() : List.copyOf(failed);
    }

    /** Whether every planned change was applied (always true for a dry run). */
    @JsonIgnore
    public boolean isComplete() {
        return failed.isEmpty();
    }

    /** Whether the group already equalled the wanted list: nothing to add or remove. */
    @JsonIgnore
    public boolean isUnchanged() {
        return added.isEmpty() && removed.isEmpty() && failed.isEmpty();
    }
}

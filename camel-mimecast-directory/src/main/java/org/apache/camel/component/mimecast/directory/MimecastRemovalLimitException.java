package org.apache.camel.component.mimecast.directory;

import org.apache.camel.component.mimecast.directory.model.SetGroupMembersResult;

/**
 * set-group-members refused to run, before any write, because its plan removes more members than maxRemovals
 * allows: a safeguard against an empty or truncated list emptying a group. {@link #getPlan()} is the refused plan.
 */
public class MimecastRemovalLimitException extends IllegalStateException {

    private final transient SetGroupMembersResult plan;
    private final int maxRemovals;

    public MimecastRemovalLimitException(SetGroupMembersResult plan, int maxRemovals) {
        super("set-group-members refused: the plan removes " + plan.removed().size() + " member(s) of group "
              + plan.groupId() + ", more than maxRemovals=" + maxRemovals + " (and adds " + plan.added().size()
              + "); nothing was written. Check the list, or raise maxRemovals for this run (-1: no limit)");
        this.plan = plan;
        this.maxRemovals = maxRemovals;
    }

    /** The refused plan, as a dry run would return it. */
    public SetGroupMembersResult getPlan() {
        return plan;
    }

    /** How many members the plan removes. */
    public int getRemovals() {
        return plan.removed().size();
    }

    public int getMaxRemovals() {
        return maxRemovals;
    }
}

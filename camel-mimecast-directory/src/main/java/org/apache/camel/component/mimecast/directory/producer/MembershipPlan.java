package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.component.mimecast.directory.model.Member;

/**
 * What makes a group equal a wanted list: the members to add, the members to remove, and those already there.
 * Members are compared by their identity ({@link org.apache.camel.component.mimecast.directory.model.MemberAddress}).
 *
 * @param toAdd     wanted members not in the group, in the order of the wanted list
 * @param toRemove  members of the group not wanted, in the order Mimecast listed them
 * @param unchanged wanted members already in the group, in the order of the wanted list
 */
record MembershipPlan(List<WantedMember> toAdd, List<WantedMember> toRemove, List<WantedMember> unchanged) {

    /** @param current the group's members by identity, as the strict reader read them */
    static MembershipPlan of(List<WantedMember> wanted, Map<String, Member> current) {
        Set<String> wantedKeys = wanted.stream().map(WantedMember::key).collect(Collectors.toSet());
        List<WantedMember> toAdd = new ArrayList<>();
        List<WantedMember> unchanged = new ArrayList<>();
        for (WantedMember member : wanted) {
            (current.containsKey(member.key()) ? unchanged : toAdd).add(member);
        }
        List<WantedMember> toRemove = current.entrySet().stream()
                .filter(e -> !wantedKeys.contains(e.getKey())).map(e -> WantedMember.of(e.getValue())).toList();
        return new MembershipPlan(toAdd, toRemove, unchanged);
    }
}

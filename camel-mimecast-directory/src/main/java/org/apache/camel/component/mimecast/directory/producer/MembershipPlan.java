package org.apache.camel.component.mimecast.directory.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.component.mimecast.directory.model.Member;

/**
 * What makes a group equal a wanted list: the members to add, the members to remove, and those already there.
 * Addresses and domains are compared case-insensitively.
 *
 * @param toAdd     wanted members not in the group, in the order of the wanted list
 * @param toRemove  members of the group not wanted, in the order Mimecast listed them
 * @param unchanged wanted members already in the group, in the order of the wanted list
 */
record MembershipPlan(List<WantedMember> toAdd, List<WantedMember> toRemove, List<WantedMember> unchanged) {

    static MembershipPlan of(List<WantedMember> wanted, List<Member> current) {
        Map<String, WantedMember> currentByKey = new LinkedHashMap<>();
        for (Member member : current) {
            if (member.identity() != null) {
                WantedMember present = WantedMember.of(member);
                currentByKey.putIfAbsent(present.key(), present);
            }
        }
        Set<String> wantedKeys = wanted.stream().map(WantedMember::key).collect(Collectors.toSet());
        List<WantedMember> toAdd = new ArrayList<>();
        List<WantedMember> unchanged = new ArrayList<>();
        for (WantedMember member : wanted) {
            (currentByKey.containsKey(member.key()) ? unchanged : toAdd).add(member);
        }
        List<WantedMember> toRemove = currentByKey.entrySet().stream()
                .filter(e -> !wantedKeys.contains(e.getKey())).map(Map.Entry::getValue).toList();
        return new MembershipPlan(toAdd, toRemove, unchanged);
    }
}

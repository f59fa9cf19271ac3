package org.apache.camel.example.mimecast.hrsync;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What it takes to make Mimecast match the HR file: groups to create, members to add and to remove per department.
 *
 * @param groupsToCreate departments without a group
 * @param additions      department to email addresses to add
 * @param removals       department to email addresses to remove
 */
public record SyncPlan(List<String> groupsToCreate, Map<String, List<String>> additions,
        Map<String, List<String>> removals) {

    public boolean isEmpty() {
        return groupsToCreate.isEmpty() && additions.values().stream().allMatch(List::isEmpty)
                && removals.values().stream().allMatch(List::isEmpty);
    }

    public int changeCount() {
        return groupsToCreate.size() + additions.values().stream().mapToInt(List::size).sum()
               + removals.values().stream().mapToInt(List::size).sum();
    }

    /** One line per change, e.g. {@code + Sales carol@example.com}. */
    public String describe() {
        if (isEmpty()) {
            return "Nothing to change: Mimecast matches the HR file";
        }
        StringBuilder text = new StringBuilder();
        groupsToCreate.forEach(g -> text.append("create group ").append(g).append('\n'));
        additions.forEach((g, emails) -> emails.forEach(e -> text.append("+ ").append(g).append(' ').append(e)
                .append('\n')));
        removals.forEach((g, emails) -> emails.forEach(e -> text.append("- ").append(g).append(' ').append(e)
                .append('\n')));
        return text.toString().lines().collect(Collectors.joining("\n"));
    }
}

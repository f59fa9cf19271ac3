package org.apache.camel.example.mimecast.hrsync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.Member;

/**
 * Plans and applies the changes that make each department's Mimecast group match the HR export. Only the
 * departments in the export are touched; other groups are left alone. Running it twice changes nothing the second
 * time.
 */
public final class DirectoryReconciler {

    private final ProducerTemplate template;

    public DirectoryReconciler(ProducerTemplate template) {
        this.template = template;
    }

    public SyncPlan plan(Map<String, Set<String>> departments) {
        Map<String, String> groupIds = groupIdsByName();
        List<String> toCreate = new ArrayList<>();
        Map<String, List<String>> additions = new LinkedHashMap<>();
        Map<String, List<String>> removals = new LinkedHashMap<>();
        departments.forEach((department, wanted) -> {
            String groupId = groupIds.get(department);
            Set<String> current = groupId == null ? Set.of() : memberEmails(groupId);
            if (groupId == null) {
                toCreate.add(department);
            }
            additions.put(department, wanted.stream().filter(e -> !current.contains(e)).sorted().toList());
            removals.put(department, current.stream().filter(e -> !wanted.contains(e)).sorted().toList());
        });
        return new SyncPlan(toCreate, additions, removals);
    }

    public void apply(SyncPlan plan) {
        Map<String, String> groupIds = groupIdsByName();
        for (String department : plan.groupsToCreate()) {
            Group created = template.requestBody("mimecast-directory:create-group", department, Group.class);
            groupIds.put(department, created.id());
        }
        // Lists are sent in batches of 10 by the component; a per item failure stops the run with the item named.
        plan.additions().forEach((department, emails) -> change("add-group-member", groupIds.get(department), emails));
        plan.removals().forEach((department, emails) -> change("remove-group-member", groupIds.get(department), emails));
    }

    private void change(String operation, String groupId, List<String> emails) {
        if (!emails.isEmpty()) {
            template.requestBodyAndHeader("mimecast-directory:" + operation, emails,
                    MimecastDirectoryConstants.GROUP_ID, groupId);
        }
    }

    private Map<String, String> groupIdsByName() {
        List<Group> groups = template.requestBody("mimecast-directory:find-groups?paginate=true&pageSize=500", null,
                List.class);
        Map<String, String> ids = new LinkedHashMap<>();
        groups.forEach(g -> ids.putIfAbsent(g.description(), g.id()));
        return ids;
    }

    private Set<String> memberEmails(String groupId) {
        List<Member> members = template.requestBodyAndHeader(
                "mimecast-directory:get-group-members?paginate=true&pageSize=500", null,
                MimecastDirectoryConstants.GROUP_ID, groupId, List.class);
        return members.stream().map(Member::identity).filter(e -> e != null).collect(Collectors.toSet());
    }
}

package org.apache.camel.component.mimecast.directory.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.mimecast.directory.MimecastDirectoryConfiguration;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.MimecastValidationException;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.PageIterator;
import org.apache.camel.component.mimecast.directory.model.FindGroupsRequest;
import org.apache.camel.component.mimecast.directory.model.FindGroupsResult;
import org.apache.camel.component.mimecast.directory.model.Group;

/**
 * The groups to read each poll: the groupId list, plus every group find-groups returns for groupQuery (looked up
 * anew each poll so that new groups are picked up).
 */
final class GroupResolver {

    private final List<String> groupIds;
    private final String groupQuery;
    private final String source;

    GroupResolver(MimecastDirectoryConfiguration configuration) {
        this.groupIds = configuration.getGroupId() == null ? List.of()
                : Arrays.stream(configuration.getGroupId().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .toList();
        this.groupQuery = configuration.getGroupQuery();
        this.source = configuration.getSource();
        if (groupIds.isEmpty() && groupQuery == null) {
            throw new MimecastValidationException(
                    "groupId", "The mimecast-directory consumer needs groupId (a comma separated list) or groupQuery");
        }
        new FindGroupsRequest(groupQuery, source).validate("the consumer");
    }

    /** The groups named by groupId (known before any call). */
    List<String> listedGroupIds() {
        return groupIds;
    }

    List<WatchedGroup> resolve(MimecastClient client, Integer pageSize) {
        Map<String, WatchedGroup> groups = new LinkedHashMap<>();
        groupIds.forEach(id -> groups.put(id, new WatchedGroup(id, null)));
        if (groupQuery != null) {
            PageIterator<FindGroupsResult> pages = new PageIterator<>(client, MimecastDirectoryOperation.FIND_GROUPS,
                    new FindGroupsRequest(groupQuery.isEmpty() ? null : groupQuery, source), pageSize, null,
                    FindGroupsResult.class);
            while (pages.hasNext()) {
                for (FindGroupsResult result : pages.next().body().data()) {
                    for (Group group : result.folders() == null ? List.<Group> of() : result.folders()) {
                        groups.putIfAbsent(group.id(), new WatchedGroup(group.id(), group.description()));
                    }
                }
            }
        }
        return new ArrayList<>(groups.values());
    }
}

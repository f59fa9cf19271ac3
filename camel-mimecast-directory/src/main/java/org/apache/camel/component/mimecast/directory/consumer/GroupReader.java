package org.apache.camel.component.mimecast.directory.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.client.ApiResponse;
import org.apache.camel.component.mimecast.directory.client.MimecastClient;
import org.apache.camel.component.mimecast.directory.client.PageIterator;
import org.apache.camel.component.mimecast.directory.model.GroupIdRequest;
import org.apache.camel.component.mimecast.directory.model.GroupMembersResult;
import org.apache.camel.component.mimecast.directory.model.Member;

/**
 * The one reader of a group's members, for every decision taken on them (the changes consumer's diff,
 * set-group-members' plan): every page must carry at least one {@code data} item with a {@code groupMembers} array,
 * and every member an email address, or be a domain member ({@link Member#isDomainMember()}). Only a well-formed
 * {@code "groupMembers": []} is an empty page; anything else fails the read of the group, so that nothing is written
 * or emitted on a read that is not the group.
 */
public final class GroupReader {

    private final MimecastClient client;
    private final int pageSize;

    /**
     * Every member of a group as read, and what reading it cost.
     *
     * @param members  keyed by identity, in the order read (a member listed twice is kept once)
     * @param requests the HTTP requests (pages and retries)
     * @param lastPage the last page read
     */
    public record GroupMembers(Map<String, Member> members, int requests, ApiResponse<GroupMembersResult> lastPage) {
    }

    public GroupReader(MimecastClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    PageIterator<GroupMembersResult> pages(WatchedGroup group) {
        return new PageIterator<>(client, MimecastDirectoryOperation.GET_GROUP_MEMBERS, new GroupIdRequest(group.id()),
                pageSize, null, GroupMembersResult.class);
    }

    /** Every member of the group keyed by identity, in the order read (a member seen twice is kept once). */
    Map<String, Member> readAll(WatchedGroup group) {
        return read(group).members();
    }

    /**
     * Reads every page of the group.
     *
     * @throws GroupReadException when a reply does not hold the group's data
     */
    public GroupMembers read(String groupId) {
        return read(new WatchedGroup(groupId, null));
    }

    private GroupMembers read(WatchedGroup group) {
        Map<String, Member> members = new LinkedHashMap<>();
        PageIterator<GroupMembersResult> pages = pages(group);
        int pageNumber = 0;
        int requests = 0;
        ApiResponse<GroupMembersResult> page = null;
        while (pages.hasNext()) {
            page = pages.next();
            requests += page.attempts();
            for (Member member : membersOf(group, page, ++pageNumber)) {
                members.putIfAbsent(member.identity(), member);
            }
        }
        return new GroupMembers(members, requests, page);
    }

    /**
     * The members of one page.
     *
     * @throws GroupReadException when the reply does not hold the group's data
     */
    static List<Member> membersOf(WatchedGroup group, ApiResponse<GroupMembersResult> page, int pageNumber) {
        List<GroupMembersResult> data = page.body().data();
        if (data.isEmpty()) {
            throw unusable(group, page, pageNumber, "no data item (the group's members are missing)");
        }
        List<Member> members = new ArrayList<>();
        for (GroupMembersResult item : data) {
            if (item == null || item.groupMembers() == null) {
                throw unusable(group, page, pageNumber, "a data item without groupMembers");
            }
            for (Member member : item.groupMembers()) {
                if (member == null || member.identity() == null || member.identity().isBlank()) {
                    throw unusable(group, page, pageNumber, "a member with neither emailAddress nor domain");
                }
                if (member.emailAddress() == null && !member.isDomainMember()) {
                    throw unusable(group, page, pageNumber, "a member with a domain but no emailAddress, not listed"
                                                            + " as a domain member (type 'domain')");
                }
                if (member.emailAddress() != null && member.emailAddress().isBlank()) {
                    throw unusable(group, page, pageNumber, "a member with a blank emailAddress");
                }
                members.add(member);
            }
        }
        return members;
    }

    private static GroupReadException unusable(
            WatchedGroup group, ApiResponse<GroupMembersResult> page, int pageNumber, String what) {
        return new GroupReadException(group.id(),
                "get-group-members for group " + group.id() + " answered HTTP 200 with " + what + " on page "
                                                  + pageNumber + " (request id " + page.requestId() + "); nothing "
                                                  + "emitted or committed for this group, the next poll reads it "
                                                  + "again");
    }
}

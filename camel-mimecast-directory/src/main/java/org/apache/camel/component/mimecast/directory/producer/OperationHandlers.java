package org.apache.camel.component.mimecast.directory.producer;

import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation;
import org.apache.camel.component.mimecast.directory.model.Connection;
import org.apache.camel.component.mimecast.directory.model.CreateGroupRequest;
import org.apache.camel.component.mimecast.directory.model.FindGroupsRequest;
import org.apache.camel.component.mimecast.directory.model.FindGroupsResult;
import org.apache.camel.component.mimecast.directory.model.Group;
import org.apache.camel.component.mimecast.directory.model.GroupIdRequest;
import org.apache.camel.component.mimecast.directory.model.GroupMemberRequest;
import org.apache.camel.component.mimecast.directory.model.GroupMembersResult;
import org.apache.camel.component.mimecast.directory.model.MemberChangeResult;
import org.apache.camel.component.mimecast.directory.model.SyncResult;
import org.apache.camel.component.mimecast.directory.model.UpdateGroupRequest;
import org.apache.camel.component.mimecast.directory.producer.RequestItemReader.Shorthand;

import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DESCRIPTION;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.DOMAIN;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.EMAIL_ADDRESS;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.GROUP_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.NOTES;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.PARENT_ID;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.QUERY;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryConstants.SOURCE;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.ADD_GROUP_MEMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.CREATE_GROUP;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.DELETE_GROUP;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.EXECUTE_SYNC;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.FIND_GROUPS;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.GET_CONNECTION;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.GET_GROUP_MEMBERS;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.REMOVE_GROUP_MEMBER;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.SET_GROUP_MEMBERS;
import static org.apache.camel.component.mimecast.directory.MimecastDirectoryOperation.UPDATE_GROUP;

/**
 * The table from operation to handler: what each operation reads from the exchange, which type its response has and
 * what ends up in the body.
 */
final class OperationHandlers {

    private final Map<MimecastDirectoryOperation, OperationHandler> handlers
            = new EnumMap<>(MimecastDirectoryOperation.class);

    /** @param mapper the strict mapper of request bodies */
    OperationHandlers(ObjectMapper mapper) {
        var findGroups = new RequestItemReader<>(FindGroupsRequest.class,
                (in, options) -> new FindGroupsRequest(
                        in.getHeader(QUERY, options.getQuery(), String.class),
                        in.getHeader(SOURCE, options.getSource(), String.class)),
                FindGroupsRequest::withDefaults, new Shorthand<>("query", query -> new FindGroupsRequest(query, null)),
                mapper);
        var groupId = new RequestItemReader<>(GroupIdRequest.class,
                (in, options) -> new GroupIdRequest(in.getHeader(GROUP_ID, options.getGroupId(), String.class)),
                GroupIdRequest::withDefaults, new Shorthand<>("id", GroupIdRequest::new), mapper);
        var createGroup = new RequestItemReader<>(CreateGroupRequest.class,
                (in, options) -> new CreateGroupRequest(
                        in.getHeader(DESCRIPTION, options.getDescription(), String.class),
                        in.getHeader(PARENT_ID, options.getParentId(), String.class)),
                CreateGroupRequest::withDefaults,
                new Shorthand<>("description", description -> new CreateGroupRequest(description, null)), mapper);
        var updateGroup = new RequestItemReader<>(UpdateGroupRequest.class,
                (in, options) -> new UpdateGroupRequest(
                        in.getHeader(GROUP_ID, options.getGroupId(), String.class),
                        in.getHeader(DESCRIPTION, options.getDescription(), String.class),
                        in.getHeader(PARENT_ID, options.getParentId(), String.class)),
                UpdateGroupRequest::withDefaults, null, mapper);
        var groupMember = new RequestItemReader<>(GroupMemberRequest.class,
                (in, options) -> new GroupMemberRequest(
                        in.getHeader(GROUP_ID, options.getGroupId(), String.class),
                        in.getHeader(EMAIL_ADDRESS, options.getEmailAddress(), String.class),
                        in.getHeader(DOMAIN, options.getDomain(), String.class),
                        in.getHeader(NOTES, options.getNotes(), String.class)),
                GroupMemberRequest::withDefaults,
                new Shorthand<>("emailAddress", email -> new GroupMemberRequest(null, email, null, null)), mapper);

        handlers.put(FIND_GROUPS, new PagedReadHandler<>(findGroups, FindGroupsResult.class, FindGroupsResult::folders));
        var groupMembers = new PagedReadHandler<>(groupId, GroupMembersResult.class, GroupMembersResult::groupMembers);
        // Each data item is paired with its request by the fields it echoes: the group and the address.
        var memberChanges = WriteHandler.returningData(groupMember, MemberChangeResult.class,
                result -> WriteHandler.fields("id", result.folderId(), "emailAddress", result.emailAddress()),
                request -> new MemberChangeResult(request.id(), request.emailAddress(), null, null));
        handlers.put(GET_GROUP_MEMBERS, groupMembers);
        handlers.put(CREATE_GROUP, WriteHandler.returningData(createGroup, Group.class,
                group -> WriteHandler.fields("description", group.description()), request -> null));
        handlers.put(UPDATE_GROUP, WriteHandler.returningData(updateGroup, Group.class,
                group -> WriteHandler.fields("id", group.id()), request -> null));
        // delete-group returns no data: the result of a deleted group is its id.
        handlers.put(DELETE_GROUP, WriteHandler.withoutData(groupId, GroupIdRequest::id));
        handlers.put(ADD_GROUP_MEMBER, memberChanges);
        handlers.put(REMOVE_GROUP_MEMBER, memberChanges);
        handlers.put(GET_CONNECTION, new NoInputHandler<>(Connection.class));
        handlers.put(EXECUTE_SYNC, new NoInputHandler<>(SyncResult.class));
        // Composed of the two above: reads every member, then adds and removes the difference.
        handlers.put(SET_GROUP_MEMBERS,
                new SetGroupMembersHandler(memberChanges, new WantedMembersReader(mapper)));
    }

    OperationHandler get(MimecastDirectoryOperation operation) {
        return handlers.get(operation);
    }
}

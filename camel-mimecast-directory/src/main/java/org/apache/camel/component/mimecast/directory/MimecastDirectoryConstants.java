package org.apache.camel.component.mimecast.directory;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the Mimecast Directory component. Input headers override the endpoint option of the same
 * name for one exchange.
 */
public final class MimecastDirectoryConstants {

    // ---- inputs
    @Metadata(label = "producer", description = "The operation to perform, overriding the one in the URI.",
              javaType = "String")
    public static final String OPERATION = "CamelMimecastDirectoryOperation";
    @Metadata(description = "The Mimecast ID of the group (request field id). On the consumer: the group of the page.",
              javaType = "String")
    public static final String GROUP_ID = "CamelMimecastDirectoryGroupId";
    @Metadata(label = "producer", description = "The text to search group names for (find-groups).", javaType = "String")
    public static final String QUERY = "CamelMimecastDirectoryQuery";
    @Metadata(label = "producer", description = "The group source to search: cloud or ldap (find-groups).",
              javaType = "String")
    public static final String SOURCE = "CamelMimecastDirectorySource";
    @Metadata(label = "producer", description = "The group name (create-group, update-group).", javaType = "String")
    public static final String DESCRIPTION = "CamelMimecastDirectoryDescription";
    @Metadata(label = "producer", description = "The Mimecast ID of the parent group (create-group, update-group).",
              javaType = "String")
    public static final String PARENT_ID = "CamelMimecastDirectoryParentId";
    @Metadata(label = "producer", description = "The member's email address (add-group-member, remove-group-member).",
              javaType = "String")
    public static final String EMAIL_ADDRESS = "CamelMimecastDirectoryEmailAddress";
    @Metadata(label = "producer", description = "The member domain (add-group-member, remove-group-member).",
              javaType = "String")
    public static final String DOMAIN = "CamelMimecastDirectoryDomain";
    @Metadata(label = "producer", description = "Notes on a new membership, at most 100 characters (add-group-member).",
              javaType = "String")
    public static final String NOTES = "CamelMimecastDirectoryNotes";
    @Metadata(description = "The page size of a paged request; on the consumer, the page size used.",
              javaType = "Integer")
    public static final String PAGE_SIZE = "CamelMimecastDirectoryPageSize";
    @Metadata(label = "producer", description = "The page token to start from (the next token of an earlier call).",
              javaType = "String")
    public static final String PAGE_TOKEN = "CamelMimecastDirectoryPageToken";

    @Metadata(label = "producer",
              description = "set-group-members: true to only read and return the plan, overriding the dryRun option.",
              javaType = "Boolean")
    public static final String DRY_RUN = "CamelMimecastDirectoryDryRun";

    @Metadata(label = "producer",
              description = "set-group-members: true to let an empty wanted list empty the group, overriding the"
                            + " allowEmpty option.",
              javaType = "Boolean")
    public static final String ALLOW_EMPTY = "CamelMimecastDirectoryAllowEmpty";

    // ---- outputs
    @Metadata(description = "The token of the next page, absent on the last page.", javaType = "String")
    public static final String NEXT_PAGE_TOKEN = "CamelMimecastDirectoryNextPageToken";
    @Metadata(label = "producer", description = "The token of the previous page, absent on the first page.",
              javaType = "String")
    public static final String PREVIOUS_PAGE_TOKEN = "CamelMimecastDirectoryPreviousPageToken";
    @Metadata(description = "The x-mc-req-id of the last request sent, for support cases.", javaType = "String")
    public static final String REQUEST_ID = "CamelMimecastDirectoryRequestId";
    @Metadata(label = "producer", description = "How many HTTP requests the exchange needed (pages, batches, retries).",
              javaType = "Integer")
    public static final String REQUEST_COUNT = "CamelMimecastDirectoryRequestCount";
    @Metadata(label = "producer",
              description = "The per item failures of a write when throwOnItemFailure is false.",
              javaType = "java.util.List<org.apache.camel.component.mimecast.directory.model.ItemFailure>")
    public static final String ITEM_FAILURES = "CamelMimecastDirectoryItemFailures";
    @Metadata(label = "producer",
              description = "set-group-members: how many members were added (in a dry run: would be added).",
              javaType = "Integer")
    public static final String ADDED_COUNT = "CamelMimecastDirectoryAddedCount";
    @Metadata(label = "producer",
              description = "set-group-members: how many members were removed (in a dry run: would be removed).",
              javaType = "Integer")
    public static final String REMOVED_COUNT = "CamelMimecastDirectoryRemovedCount";
    @Metadata(label = "producer", description = "set-group-members: how many wanted members were already in the group.",
              javaType = "Integer")
    public static final String UNCHANGED_COUNT = "CamelMimecastDirectoryUnchangedCount";
    @Metadata(label = "producer",
              description = "set-group-members: how many adds and removes Mimecast rejected or did not confirm.",
              javaType = "Integer")
    public static final String FAILED_COUNT = "CamelMimecastDirectoryFailedCount";
    @Metadata(description = "The last X-RateLimit-Limit seen.", javaType = "Integer")
    public static final String RATE_LIMIT_LIMIT = "CamelMimecastDirectoryRateLimitLimit";
    @Metadata(description = "The last X-RateLimit-Remaining seen.", javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelMimecastDirectoryRateLimitRemaining";
    @Metadata(description = "The last X-RateLimit-Reset seen: milliseconds until a request is available again.",
              javaType = "Long")
    public static final String RATE_LIMIT_RESET = "CamelMimecastDirectoryRateLimitReset";

    // ---- consumer
    @Metadata(label = "consumer", description = "The name of the group of the page or change.", javaType = "String")
    public static final String GROUP_DESCRIPTION = "CamelMimecastDirectoryGroupDescription";
    @Metadata(label = "consumer", description = "The 1-based number of the page within its group and poll.",
              javaType = "Integer")
    public static final String PAGE_NUMBER = "CamelMimecastDirectoryPageNumber";
    @Metadata(label = "consumer", description = "Whether this is the last page of its group in this poll.",
              javaType = "Boolean")
    public static final String LAST_PAGE = "CamelMimecastDirectoryLastPage";
    @Metadata(label = "consumer",
              description = "In mode=changes: ADDED or REMOVED (with splitMembers=true; a page of changes mixes both).",
              javaType = "org.apache.camel.component.mimecast.directory.model.MemberChangeType")
    public static final String CHANGE_TYPE = "CamelMimecastDirectoryChangeType";

    private MimecastDirectoryConstants() {
    }
}

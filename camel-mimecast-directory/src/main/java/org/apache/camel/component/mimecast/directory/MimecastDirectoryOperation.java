package org.apache.camel.component.mimecast.directory;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operations of the component: the Mimecast Directory API calls, each one {@code POST /api/directory/<name>},
 * and set-group-members, which the component composes from get-group-members, add-group-member and
 * remove-group-member (it has no API path of its own).
 */
public enum MimecastDirectoryOperation {

    FIND_GROUPS("find-groups", true),
    GET_GROUP_MEMBERS("get-group-members", true),
    CREATE_GROUP("create-group", false),
    UPDATE_GROUP("update-group", false),
    DELETE_GROUP("delete-group", false),
    ADD_GROUP_MEMBER("add-group-member", false),
    REMOVE_GROUP_MEMBER("remove-group-member", false),
    GET_CONNECTION("get-connection", true),
    EXECUTE_SYNC("execute-sync", false),
    /** Not an API call: reads the members, then adds and removes the difference. */
    SET_GROUP_MEMBERS("set-group-members", false, false);

    /**
     * The operation names, comma separated, as used in URIs and in {@code @UriPath(enums)}. Spelt out because an
     * annotation needs a compile-time constant; a unit test keeps it equal to the constants above.
     */
    public static final String NAMES = "find-groups,get-group-members,create-group,update-group,delete-group,"
                                       + "add-group-member,remove-group-member,get-connection,execute-sync,"
                                       + "set-group-members";

    private final String operationName;
    private final boolean readOnly;
    private final boolean apiCall;

    MimecastDirectoryOperation(String operationName, boolean readOnly) {
        this(operationName, readOnly, true);
    }

    MimecastDirectoryOperation(String operationName, boolean readOnly, boolean apiCall) {
        this.operationName = operationName;
        this.readOnly = readOnly;
        this.apiCall = apiCall;
    }

    /** The name used in the URI and the API path, e.g. {@code find-groups}. */
    public String operationName() {
        return operationName;
    }

    /**
     * The API path, e.g. {@code /api/directory/find-groups}.
     *
     * @throws IllegalStateException for an operation that is not an API call, so that nothing is ever sent to a path
     *                               Mimecast does not have
     */
    public String path() {
        if (!apiCall) {
            throw new IllegalStateException(
                    operationName + " is not a Mimecast API call: it is made of get-group-members, add-group-member"
                                            + " and remove-group-member calls");
        }
        return "/api/directory/" + operationName;
    }

    /**
     * Whether the operation changes nothing, so that a call that may or may not have reached Mimecast can be repeated.
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Whether sending the call again leaves the directory as one call would: reads, and the member writes (adding a
     * member who is there answers {@code err_folder_group_member_already_exists}, removing one who is not
     * {@code err_folder_email_address_not_found}). Such a call may be repeated when its first attempt may have been
     * applied; create-group (a second group), update-group, delete-group and execute-sync may not.
     */
    public boolean isIdempotent() {
        return readOnly || this == ADD_GROUP_MEMBER || this == REMOVE_GROUP_MEMBER;
    }

    /**
     * Resolves an operation from its URI name (also accepts the enum constant name).
     *
     * @throws MimecastValidationException listing the valid names when the name is unknown
     */
    public static MimecastDirectoryOperation fromName(String name) {
        if (name != null) {
            String trimmed = name.trim();
            for (MimecastDirectoryOperation operation : values()) {
                if (operation.operationName.equalsIgnoreCase(trimmed) || operation.name().equalsIgnoreCase(trimmed)) {
                    return operation;
                }
            }
        }
        throw new MimecastValidationException(
                "operation", "Unknown Mimecast directory operation " + quoteIfPlain(name) + ": use one of "
                             + names());
    }

    /** The operation names, for messages: {@code find-groups, get-group-members, ...}. */
    static String names() {
        return Arrays.stream(values()).map(MimecastDirectoryOperation::operationName).collect(Collectors.joining(", "));
    }

    /** Echoes a name only when it looks like one (letters, digits, dashes, underscores, at most 40 characters). */
    private static String quoteIfPlain(String name) {
        return name != null && name.length() <= 40 && name.trim().matches("[A-Za-z0-9_-]*")
                ? "'" + name + "'" : "(not shown: not a plain name)";
    }

    /**
     * Resolves the operation from the path of an endpoint URI. The path may hold option text when the URI has a typo
     * (such as {@code &} where {@code ?} belongs), which can carry secrets: the message never echoes it.
     *
     * @throws MimecastValidationException naming the fix when the path is not an operation name
     */
    public static MimecastDirectoryOperation fromUriPath(String path) {
        String name = path == null ? "" : path.trim();
        int options = indexOfAny(name, "&=?;");
        if (options >= 0) {
            String head = name.substring(0, options);
            boolean knownHead = Arrays.stream(values()).anyMatch(o -> o.operationName.equalsIgnoreCase(head.trim()));
            throw new MimecastValidationException(
                    "operation", "The mimecast-directory URI path " + (knownHead ? "'" + head.trim() + "' " : "")
                                 + "is followed by option text (not shown, it may hold secrets): start the options with"
                                 + " '?' and separate them with '&', e.g. mimecast-directory:get-group-members?groupId=..."
                                 + "&accessKey=..., and use one of " + names());
        }
        return fromName(name);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return operationName;
    }
}

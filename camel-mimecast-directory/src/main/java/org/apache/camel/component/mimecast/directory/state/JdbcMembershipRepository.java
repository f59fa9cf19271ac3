package org.apache.camel.component.mimecast.directory.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The changes consumer's state in database tables, one row per member: {@code stateRepository=#bean} with this bean
 * makes the cost of each exchange follow its changes instead of the group's size, and fences the writes of a former
 * leader. It is a {@link JdbcStateRepository} too (its key-value table is created only if something calls
 * {@link #getState}/{@link #setState}); the consumer recognises the type and keeps each group in two tables,
 * created on first use when missing (portable SQL; PostgreSQL is the tested database):
 *
 * <pre>
 * CREATE TABLE mimecast_directory_groups (
 *     group_id      VARCHAR(1024) PRIMARY KEY,
 *     version       BIGINT NOT NULL,
 *     members_known BOOLEAN NOT NULL,
 *     pending       TEXT,          -- members of exchanges begun and not committed, one per line
 *     updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
 * );
 * CREATE TABLE mimecast_directory_members (
 *     group_id  VARCHAR(1024) NOT NULL,
 *     member_id VARCHAR(1024) NOT NULL,
 *     PRIMARY KEY (group_id, member_id)
 * );
 * </pre>
 *
 * An exchange costs two small transactions, whatever the group's size: before it is emitted, one UPDATE of the
 * group's row (its members become pending); when it completed, that UPDATE again plus one INSERT of the members it
 * added (on PostgreSQL one statement with an array parameter, elsewhere a JDBC batch) and a batch of primary-key
 * DELETEs of those it removed.
 * <p>
 * <b>Fenced writes</b>: every write of a group is one transaction that first moves the group's {@code version} from
 * the one the writer read to the next ({@code UPDATE ... WHERE version = ?}); when another node wrote in between,
 * nothing is written and {@link StaleStateException} is thrown, so a leader that was paused (a long GC pause, a hung
 * host, a lost lease) cannot overwrite what the new leader committed when it resumes: its exchange fails instead.
 */
public class JdbcMembershipRepository extends JdbcStateRepository {

    /** The default {@link #setTablePrefix tablePrefix}. */
    public static final String DEFAULT_TABLE_PREFIX = "mimecast_directory_";

    private static final int FETCH_SIZE = 10_000;

    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private volatile boolean tablesReady;
    private volatile Boolean postgreSql;

    /**
     * A group as stored.
     *
     * @param version      the version to name in the next {@link #write}
     * @param membersKnown whether the group was read completely once (false: only exchanges begun so far)
     * @param members      the members the downstream view has
     * @param pending      the members of exchanges begun and not committed
     */
    public record StoredGroup(long version, boolean membersKnown, Set<String> members, Set<String> pending) {
    }

    /**
     * One write of a group: member rows to insert and delete, consistent with the version read, and the group's
     * pending members as they are to be from now on.
     */
    public record GroupWrite(boolean membersKnown, Collection<String> addMembers, Collection<String> removeMembers,
            Collection<String> pending) {
    }

    public JdbcMembershipRepository() {
    }

    public JdbcMembershipRepository(DataSource dataSource) {
        super(dataSource);
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * The prefix of the two tables ({@code <prefix>groups}, {@code <prefix>members}),
     * optionally schema-qualified ({@code schema.prefix_}); {@value #DEFAULT_TABLE_PREFIX} by default.
     */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    @Override
    protected void checkSettings() {
        super.checkSettings();
        checkIdentifier("tablePrefix", tablePrefix == null ? null : tablePrefix + "groups");
    }

    /** The stored group, or null when nothing was ever written for it. */
    public StoredGroup read(String groupId) {
        ensureTables();
        try {
            return inTransaction(connection -> {
                try (PreparedStatement select = prepare(connection, "SELECT version, members_known, pending FROM "
                                                                    + table("groups") + " WHERE group_id = ?")) {
                    select.setString(1, groupId);
                    try (ResultSet result = select.executeQuery()) {
                        if (!result.next()) {
                            return null;
                        }
                        return new StoredGroup(result.getLong(1), result.getBoolean(2), members(connection, groupId),
                                lines(result.getString(3)));
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("read the state of group " + groupId, e);
        }
    }

    /** The group's version (0 when nothing was written for it): one indexed read, to check a cached copy. */
    public long version(String groupId) {
        ensureTables();
        try {
            return inTransaction(connection -> {
                try (PreparedStatement select = prepare(connection,
                        "SELECT version FROM " + table("groups") + " WHERE group_id = ?")) {
                    select.setString(1, groupId);
                    try (ResultSet result = select.executeQuery()) {
                        return result.next() ? result.getLong(1) : 0L;
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("read the state version of group " + groupId, e);
        }
    }

    /**
     * Writes the group in one transaction if its version is still {@code expectedVersion} (0: the group has no row
     * yet), and returns the new version.
     *
     * @throws StaleStateException when another writer changed the group since (nothing is written)
     */
    public long write(String groupId, long expectedVersion, GroupWrite write) {
        ensureTables();
        long next = expectedVersion + 1;
        try {
            inTransaction(connection -> {
                if (!moveVersion(connection, groupId, expectedVersion, next, write)) {
                    throw new StaleStateException(
                            "The state of group " + groupId + " (" + this + ") was written by another node since this"
                                                  + " node read it (version " + expectedVersion + " is no longer "
                                                  + "current): this node is not the writer of record, nothing was "
                                                  + "written");
                }
                if (expectedVersion == 0) {
                    // A new group row: member rows left from a group row deleted by hand are not this group's state.
                    try (PreparedStatement leftovers = prepare(connection, "DELETE FROM " + table("members")
                                                                           + " WHERE group_id = ?")) {
                        leftovers.setString(1, groupId);
                        leftovers.executeUpdate();
                    }
                }
                if (isPostgreSql(connection)) {
                    // One statement, whatever the number of members (a batch is one statement per row).
                    array(connection, "INSERT INTO " + table("members") + " (group_id, member_id) SELECT ?, "
                                      + "unnest(?)", groupId, write.addMembers());
                } else {
                    rows(connection, "INSERT INTO " + table("members") + " (group_id, member_id) VALUES (?, ?)",
                            groupId, write.addMembers());
                }
                // A batch of primary-key deletes on every database: each is an index lookup whatever the planner's
                // statistics (a join with an array was planned as a scan of the group on a table not analyzed yet).
                rows(connection, "DELETE FROM " + table("members") + " WHERE group_id = ? AND member_id = ?", groupId,
                        write.removeMembers());
                return null;
            });
            return next;
        } catch (SQLException e) {
            throw failure("write the state of group " + groupId, e);
        }
    }

    private boolean moveVersion(Connection connection, String groupId, long expected, long next, GroupWrite write)
            throws SQLException {
        String pending = write.pending().isEmpty() ? null : String.join("\n", write.pending());
        if (expected == 0) {
            try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table("groups")
                                                                + " (group_id, version, members_known, pending, "
                                                                + "updated_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, groupId);
                insert.setLong(2, next);
                insert.setBoolean(3, write.membersKnown());
                insert.setString(4, pending);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false; // another node created the group's row first
                }
                throw e;
            }
        }
        // The row lock taken here makes a concurrent writer wait, then find the version moved: refused.
        try (PreparedStatement update = prepare(connection, "UPDATE " + table("groups") + " SET version = ?, "
                                                            + "members_known = ?, pending = ?, updated_at = "
                                                            + "CURRENT_TIMESTAMP WHERE group_id = ? AND version = ?")) {
            update.setLong(1, next);
            update.setBoolean(2, write.membersKnown());
            update.setString(3, pending);
            update.setString(4, groupId);
            update.setLong(5, expected);
            return update.executeUpdate() == 1;
        }
    }

    private boolean isPostgreSql(Connection connection) throws SQLException {
        Boolean postgres = postgreSql;
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgreSql = postgres;
        }
        return postgres;
    }

    private void array(Connection connection, String sql, String groupId, Collection<String> members)
            throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.setString(1, groupId);
            statement.setArray(2, connection.createArrayOf("varchar", members.toArray()));
            statement.executeUpdate();
        }
    }

    private void rows(Connection connection, String sql, String groupId, Collection<String> members)
            throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(connection, sql)) {
            for (String member : members) {
                statement.setString(1, groupId);
                statement.setString(2, member);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new HashSet<>();
        if (text != null && !text.isEmpty()) {
            lines.addAll(Arrays.asList(text.split("\n")));
        }
        return lines;
    }

    private Set<String> members(Connection connection, String groupId) throws SQLException {
        Set<String> members = new HashSet<>();
        try (PreparedStatement select = prepare(connection,
                "SELECT member_id FROM " + table("members") + " WHERE group_id = ?")) {
            select.setFetchSize(FETCH_SIZE);
            select.setString(1, groupId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    members.add(result.getString(1));
                }
            }
        }
        return members;
    }

    private String table(String name) {
        return tablePrefix + name;
    }

    private void ensureTables() {
        if (tablesReady) {
            return;
        }
        synchronized (this) {
            if (!tablesReady) {
                prepareTable(table("groups"), "group_id VARCHAR(1024) PRIMARY KEY, version BIGINT NOT NULL, "
                                              + "members_known BOOLEAN NOT NULL, pending TEXT, updated_at TIMESTAMP "
                                              + "WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP");
                prepareTable(table("members"), "group_id VARCHAR(1024) NOT NULL, member_id VARCHAR(1024) NOT NULL, "
                                               + "PRIMARY KEY (group_id, member_id)");
                tablesReady = true;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcMembershipRepository[" + tablePrefix + "*]";
    }
}

package org.apache.camel.component.mimecast.directory.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The changes consumer's state in database tables, one row per member: {@code stateRepository=#bean} with this bean
 * makes the cost of each exchange follow its changes instead of the group's size, and fences the writes of a former
 * leader. It is a {@link JdbcStateRepository} too (its key-value table is created only if something calls
 * {@link #getState}/{@link #setState}); the consumer recognises the type and keeps each group in three tables,
 * created on first use when missing (portable SQL; PostgreSQL is the tested database, H2 runs the unit tests):
 *
 * <pre>
 * CREATE TABLE mimecast_directory_groups (
 *     group_id      VARCHAR(1024) PRIMARY KEY,
 *     version       BIGINT NOT NULL,
 *     members_known BOOLEAN NOT NULL,
 *     updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
 * );
 * CREATE TABLE mimecast_directory_members (
 *     group_id  VARCHAR(1024) NOT NULL,
 *     member_id VARCHAR(1024) NOT NULL,
 *     PRIMARY KEY (group_id, member_id)
 * );
 * CREATE TABLE mimecast_directory_pending (   -- members of exchanges begun and not committed
 *     group_id  VARCHAR(1024) NOT NULL,
 *     member_id VARCHAR(1024) NOT NULL,
 *     PRIMARY KEY (group_id, member_id)
 * );
 * </pre>
 *
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

    /** One write of a group: rows to insert and delete, all of them consistent with the version read. */
    public record GroupWrite(boolean membersKnown, Collection<String> addMembers, Collection<String> removeMembers,
            Collection<String> addPending, Collection<String> removePending) {
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
     * The prefix of the three tables ({@code <prefix>groups}, {@code <prefix>members}, {@code <prefix>pending}),
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
                long[] version = versionOf(connection, groupId);
                if (version == null) {
                    return null;
                }
                return new StoredGroup(version[0], version[1] == 1, identities(connection, table("members"), groupId),
                        identities(connection, table("pending"), groupId));
            });
        } catch (SQLException e) {
            throw failure("read the state of group " + groupId, e);
        }
    }

    /** The group's version (0 when nothing was written for it): one indexed read, to check a cached copy. */
    public long version(String groupId) {
        ensureTables();
        try {
            long[] version = inTransaction(connection -> versionOf(connection, groupId));
            return version == null ? 0 : version[0];
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
                if (!moveVersion(connection, groupId, expectedVersion, next, write.membersKnown())) {
                    throw new StaleStateException(
                            "The state of group " + groupId + " (" + this + ") was written by another node since this"
                                                  + " node read it (version " + expectedVersion + " is no longer "
                                                  + "current): this node is not the writer of record, nothing was "
                                                  + "written");
                }
                rows(connection, "INSERT INTO " + table("members") + " (group_id, member_id) VALUES (?, ?)", groupId,
                        write.addMembers());
                rows(connection, "DELETE FROM " + table("members") + " WHERE group_id = ? AND member_id = ?", groupId,
                        write.removeMembers());
                rows(connection, "INSERT INTO " + table("pending") + " (group_id, member_id) VALUES (?, ?)", groupId,
                        write.addPending());
                rows(connection, "DELETE FROM " + table("pending") + " WHERE group_id = ? AND member_id = ?", groupId,
                        write.removePending());
                return null;
            });
            return next;
        } catch (SQLException e) {
            throw failure("write the state of group " + groupId, e);
        }
    }

    /** {version, membersKnown ? 1 : 0}, or null. */
    private long[] versionOf(Connection connection, String groupId) throws SQLException {
        try (PreparedStatement select = prepare(connection,
                "SELECT version, members_known FROM " + table("groups") + " WHERE group_id = ?")) {
            select.setString(1, groupId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? new long[] { result.getLong(1), result.getBoolean(2) ? 1 : 0 } : null;
            }
        }
    }

    private boolean moveVersion(Connection connection, String groupId, long expected, long next, boolean membersKnown)
            throws SQLException {
        if (expected == 0) {
            try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table("groups")
                                                                + " (group_id, version, members_known, updated_at) "
                                                                + "VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, groupId);
                insert.setLong(2, next);
                insert.setBoolean(3, membersKnown);
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
                                                            + "members_known = ?, updated_at = CURRENT_TIMESTAMP "
                                                            + "WHERE group_id = ? AND version = ?")) {
            update.setLong(1, next);
            update.setBoolean(2, membersKnown);
            update.setString(3, groupId);
            update.setLong(4, expected);
            return update.executeUpdate() == 1;
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

    private Set<String> identities(Connection connection, String table, String groupId) throws SQLException {
        Set<String> members = new HashSet<>();
        try (PreparedStatement select = prepare(connection,
                "SELECT member_id FROM " + table + " WHERE group_id = ?")) {
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
                                              + "members_known BOOLEAN NOT NULL, updated_at TIMESTAMP WITH TIME ZONE "
                                              + "NOT NULL DEFAULT CURRENT_TIMESTAMP");
                String rows = "group_id VARCHAR(1024) NOT NULL, member_id VARCHAR(1024) NOT NULL, "
                              + "PRIMARY KEY (group_id, member_id)";
                prepareTable(table("members"), rows);
                prepareTable(table("pending"), rows);
                tablesReady = true;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcMembershipRepository[" + tablePrefix + "*]";
    }
}

package org.apache.camel.component.mimecast.directory.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a database table, reached through a JDBC {@link DataSource}: state that outlives
 * a node, so that the changes consumer of another node (behind {@code master:}) resumes where the last leader stopped.
 * Use it as {@code stateRepository=#bean}. For large groups prefer {@link JdbcMembershipRepository} (one row per
 * member: the cost of an exchange follows its changes, not the group).
 * <p>
 * Every {@link #setState} is one upsert ({@code INSERT ... ON CONFLICT (state_key) DO UPDATE}) in its own
 * transaction: atomic, and durable when the database commits. The syntax is PostgreSQL's (9.5 and later; SQLite 3.24
 * and later accept it too); PostgreSQL is the tested database. The table is created on first use when missing:
 *
 * <pre>
 * CREATE TABLE IF NOT EXISTS mimecast_directory_state (
 *     state_key   VARCHAR(1024) PRIMARY KEY,
 *     state_value TEXT NOT NULL,
 *     updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
 * )
 * </pre>
 *
 * Create it yourself (and grant only SELECT, INSERT, UPDATE) when the application's user may not run DDL; the
 * repository then only checks that it exists. No JDBC driver is a dependency of the component: bring the one of your
 * database.
 * <p>
 * <b>No SQL at start-up</b>: starting the repository (and so the consumer) only checks its settings; the table is
 * prepared by the first read or write. A consumer that starts while the database is down therefore starts, fails its
 * polls (health check DOWN, naming this repository) and works again by itself at the first poll after the database
 * is back.
 * <p>
 * <b>Every call is bounded</b>: each statement gets {@link #setQueryTimeout queryTimeout} ({@code
 * Statement.setQueryTimeout}: the database cancels it), each connection a network timeout of twice that ({@code
 * Connection.setNetworkTimeout}: for a database that stops answering altogether, where a cancel cannot help), and the
 * data source a {@link #setLoginTimeout loginTimeout} when it has none. With PostgreSQL set {@code connectTimeout}
 * and {@code socketTimeout} in the JDBC URL as well (see docs/high-availability.md).
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "mimecast_directory_state";

    /** The default {@link #setQueryTimeout queryTimeout}, in seconds. */
    public static final int DEFAULT_QUERY_TIMEOUT = 10;

    /** The default {@link #setLoginTimeout loginTimeout}, in seconds. */
    public static final int DEFAULT_LOGIN_TIMEOUT = 10;

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** Driver messages rarely carry connection settings, but a password must never travel in one of ours. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*[=:]\\s*)[^\\s&;,)]+");

    /** pgjdbc only sets the socket timeout with it; the JDBC contract wants one anyway. */
    private static final Executor IN_CALLER = Runnable::run;

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private boolean createTable = true;
    private int queryTimeout = DEFAULT_QUERY_TIMEOUT;
    private int loginTimeout = DEFAULT_LOGIN_TIMEOUT;
    private volatile boolean tableReady;
    private volatile boolean loginTimeoutApplied;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database; required. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, optionally schema-qualified ({@code schema.table}); {@value #DEFAULT_TABLE} by default. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table when it is missing (default true); false only checks that it exists. */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public int getQueryTimeout() {
        return queryTimeout;
    }

    /**
     * Seconds a statement may take before it fails ({@code Statement.setQueryTimeout}; default
     * {@value #DEFAULT_QUERY_TIMEOUT}); the connection's network timeout is twice this. A failed statement fails the
     * poll, and the next poll tries again. 1 or more.
     */
    public void setQueryTimeout(int queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public int getLoginTimeout() {
        return loginTimeout;
    }

    /**
     * Seconds to open a connection ({@code DataSource.setLoginTimeout}, default {@value #DEFAULT_LOGIN_TIMEOUT}),
     * applied to the data source when it has no login timeout of its own; 0 leaves the data source as it is (a pool
     * bounds its waits with its own setting, such as HikariCP's connectionTimeout).
     */
    public void setLoginTimeout(int loginTimeout) {
        this.loginTimeout = loginTimeout;
    }

    /** Checks the settings only: the database may be down while the consumer starts (see the class comment). */
    @Override
    protected void doStart() throws Exception {
        checkSettings();
    }

    @Override
    public String getState(String key) {
        ensureTable();
        try {
            return inTransaction(connection -> {
                try (PreparedStatement select = prepare(connection,
                        "SELECT state_value FROM " + tableName + " WHERE state_key = ?")) {
                    select.setString(1, key);
                    try (ResultSet result = select.executeQuery()) {
                        return result.next() ? result.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("read state key " + key, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        ensureTable();
        try {
            inTransaction(connection -> {
                try (PreparedStatement upsert = prepare(connection,
                        "INSERT INTO " + tableName + " (state_key, state_value, updated_at) VALUES (?, ?, "
                                                                    + "CURRENT_TIMESTAMP) ON CONFLICT (state_key) DO "
                                                                    + "UPDATE SET state_value = EXCLUDED.state_value, "
                                                                    + "updated_at = CURRENT_TIMESTAMP")) {
                    upsert.setString(1, key);
                    upsert.setString(2, value);
                    return upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("write state key " + key, e);
        }
    }

    // ---- for subclasses: bounded connections and statements, tables prepared on first use

    /** Work in one transaction on one connection. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work in one transaction on a connection of the data source with this repository's timeouts: committed
     * when it returns, rolled back when it throws.
     */
    protected <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection connection = connect()) {
            boolean autoCommit = connection.getAutoCommit();
            int networkTimeout = networkTimeout(connection, queryTimeout * 2000);
            try {
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                // A pooled connection goes back as it came (a broken one is dropped by the pool anyway).
                try {
                    if (autoCommit) {
                        connection.setAutoCommit(true);
                    }
                    networkTimeout(connection, networkTimeout);
                } catch (SQLException ignored) {
                    // the connection is closed next
                }
            }
        }
    }

    /** A prepared statement bounded by queryTimeout. */
    protected PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(queryTimeout);
        return statement;
    }

    /** Sets the connection's network timeout, returning the previous one (0 where the driver has none). */
    private static int networkTimeout(Connection connection, int millis) throws SQLException {
        try {
            int previous = connection.getNetworkTimeout();
            connection.setNetworkTimeout(IN_CALLER, millis);
            return previous;
        } catch (SQLFeatureNotSupportedException e) {
            return 0; // statements are still bounded by their query timeout
        }
    }

    private Connection connect() throws SQLException {
        checkSettings();
        if (!loginTimeoutApplied) {
            applyLoginTimeout();
        }
        return dataSource.getConnection();
    }

    private void applyLoginTimeout() {
        if (loginTimeout > 0) {
            try {
                if (dataSource.getLoginTimeout() == 0) {
                    dataSource.setLoginTimeout(loginTimeout);
                }
            } catch (SQLException | UnsupportedOperationException e) {
                // A pool that does not take one bounds getConnection with its own setting.
            }
        }
        loginTimeoutApplied = true;
    }

    /** Settings that no database can fix: refused at start-up and before any SQL. */
    protected void checkSettings() {
        if (dataSource == null) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + " needs a dataSource: new " + getClass().getSimpleName()
                                               + "(dataSource) or setDataSource");
        }
        checkIdentifier("tableName", tableName);
        if (queryTimeout < 1) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + " queryTimeout must be 1 second or more (a statement must not wait"
                                               + " for ever), got " + queryTimeout);
        }
        if (loginTimeout < 0) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + " loginTimeout must be 0 (the data source's own) or more, got "
                                               + loginTimeout);
        }
    }

    protected void checkIdentifier(String option, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + " " + option + " must be a plain SQL identifier (letters, digits, _; "
                                               + "optionally schema.table), got '" + value + "'");
        }
    }

    /** Creates the key-value table once per repository, tolerating another node creating it at the same moment. */
    private void ensureTable() {
        if (tableReady) {
            return;
        }
        synchronized (this) {
            if (!tableReady) {
                prepareTable(tableName, "state_key VARCHAR(1024) PRIMARY KEY, state_value TEXT NOT NULL, updated_at "
                                        + "TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP");
                tableReady = true;
            }
        }
    }

    /**
     * Checks that the table exists, and creates it with these column definitions when missing and createTable is
     * on. Two nodes may do it at the same moment.
     */
    protected void prepareTable(String table, String columns) {
        try (Connection connection = connect()) {
            int previous = networkTimeout(connection, queryTimeout * 2000);
            try {
                if (!exists(connection, table)) {
                    if (!createTable) {
                        throw new IllegalStateException(
                                "Table " + table + " does not exist and createTable=false: create it (DDL in the "
                                                        + getClass().getSimpleName()
                                                        + " Javadoc and docs/high-availability.md)");
                    }
                    create(connection, table, columns);
                }
            } finally {
                // A pooled connection goes back to the application as it came.
                networkTimeout(connection, previous);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot prepare the table " + table + " in the state database (" + this + ", SQLState "
                                            + e.getSQLState() + "): " + redact(e.getMessage()),
                    redacted(e));
        }
    }

    private boolean exists(Connection connection, String table) throws SQLException {
        try (Statement probe = connection.createStatement()) {
            probe.setQueryTimeout(queryTimeout);
            probe.setMaxRows(1);
            probe.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                throw e; // not an answer about the table
            }
            rollbackQuietly(connection);
            return false;
        }
    }

    private void create(Connection connection, String table, String columns) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.setQueryTimeout(queryTimeout);
            ddl.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Two nodes starting together: PostgreSQL's IF NOT EXISTS can still fail on the catalog's unique index.
            rollbackQuietly(connection);
            if (!exists(connection, table)) {
                throw e;
            }
        }
    }

    /** SQLState class 08 (connection exception) or a statement cancelled by its timeout (57014, HYT00/HYT01). */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57014") || state.startsWith("HYT"));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is closed next
        }
    }

    /**
     * The message names the state database (this repository and its table), the action and the SQL state; never the
     * connection URL, and no password a driver message might carry.
     */
    protected RuntimeException failure(String action, SQLException e) {
        return new IllegalStateException(
                "Cannot " + action + " in the state database (" + this + ", SQLState " + e.getSQLState() + "): "
                                         + redact(e.getMessage()),
                redacted(e));
    }

    /**
     * The driver's exception as a cause that can be logged: its message (and its causes') with any password masked,
     * its SQL state, error code and stack trace kept.
     */
    protected static SQLException redacted(SQLException e) {
        SQLException copy = new SQLException(redact(e.getMessage()), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() instanceof SQLException cause) {
            copy.initCause(redacted(cause));
        }
        return copy;
    }

    static String redact(String message) {
        return message == null ? null : PASSWORD.matcher(message).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }
}

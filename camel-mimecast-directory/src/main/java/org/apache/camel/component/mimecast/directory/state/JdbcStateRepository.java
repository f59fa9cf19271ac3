package org.apache.camel.component.mimecast.directory.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a database table, reached through a JDBC {@link DataSource}: state that outlives
 * a node, so that the changes consumer of another node (behind {@code master:}) resumes where the last leader stopped.
 * Use it as {@code stateRepository=#bean}.
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
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "mimecast_directory_state";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE;
    private boolean createTable = true;
    private volatile boolean tableReady;

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

    @Override
    protected void doStart() throws Exception {
        ensureTable();
    }

    @Override
    public String getState(String key) {
        ensureTable();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM " + tableName + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        ensureTable();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO " + tableName + " (state_key, state_value, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                                                                        + " ON CONFLICT (state_key) DO UPDATE SET state_value"
                                                                        + " = EXCLUDED.state_value, updated_at = CURRENT_TIMESTAMP")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.executeUpdate();
                if (!autoCommit) {
                    // A pool that hands out connections outside auto-commit: the write still ends committed.
                    connection.commit();
                }
            } catch (SQLException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    /** Creates the table once per repository, tolerating another node creating it at the same moment. */
    private void ensureTable() {
        if (tableReady) {
            return;
        }
        synchronized (this) {
            if (tableReady) {
                return;
            }
            if (dataSource == null) {
                throw new IllegalArgumentException(
                        "JdbcStateRepository needs a dataSource: new JdbcStateRepository(dataSource) or setDataSource");
            }
            if (tableName == null || !IDENTIFIER.matcher(tableName).matches()) {
                throw new IllegalArgumentException(
                        "JdbcStateRepository tableName must be a plain SQL identifier (letters, digits, _; optionally "
                                                   + "schema.table), got '" + tableName + "'");
            }
            try (Connection connection = dataSource.getConnection()) {
                if (!exists(connection)) {
                    if (!createTable) {
                        throw new IllegalStateException(
                                "Table " + tableName + " does not exist and createTable=false: create it (DDL in the "
                                                        + "JdbcStateRepository Javadoc and docs/high-availability.md)");
                    }
                    create(connection);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the state table " + tableName + ": " + e.getMessage(),
                        e);
            }
            tableReady = true;
        }
    }

    private boolean exists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.setMaxRows(1);
            probe.executeQuery("SELECT state_key FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return false;
        }
    }

    private void create(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + tableName + " (state_key VARCHAR(1024) PRIMARY KEY,"
                        + " state_value TEXT NOT NULL,"
                        + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // Two nodes starting together: PostgreSQL's IF NOT EXISTS can still fail on the catalog's unique index.
            rollbackQuietly(connection);
            if (!exists(connection)) {
                throw e;
            }
        }
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

    /** The message names the table, key and SQL state; never the connection URL (it may hold a password). */
    private RuntimeException failure(String action, String key, SQLException e) {
        return new IllegalStateException(
                "Cannot " + action + " state key " + key + " in table " + tableName + " (SQLState " + e.getSQLState()
                                         + "): " + e.getMessage(),
                e);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }
}

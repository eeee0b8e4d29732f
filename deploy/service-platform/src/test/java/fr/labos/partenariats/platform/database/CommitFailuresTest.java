package fr.labos.partenariats.platform.database;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;

import javax.sql.DataSource;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A commit whose answer was lost (pgjdbc's socket timeout: an I/O error, SQL state 08006) on a connection the pool
 * then closed, so that a rollback on it fails with "Connection is closed" (no SQL state), as the services saw it.
 */
class CommitFailuresTest {

    @Test
    void aCommitThatTimedOutStaysAFailedCommitAndIsNotRolledBackOnTheLostConnection() throws Exception {
        Connection connection = lostAtCommit();
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource(connection));
        new CommitFailures().customize(transactions);

        assertThatThrownBy(() -> transactions.commit(transactions.getTransaction(null)))
                .isInstanceOf(TransactionSystemException.class).hasMessage("JDBC commit failed")
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        verify(connection, never()).rollback();
    }

    /** What the customizer is for: Spring's own manager reports the rollback's failure instead of the commit's. */
    @Test
    void leftToItselfJdbcTransactionManagerReportsAFailedRollbackInstead() throws Exception {
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource(lostAtCommit()));

        assertThatThrownBy(() -> transactions.commit(transactions.getTransaction(null)))
                .isInstanceOf(TransactionSystemException.class).hasMessage("JDBC rollback failed");
    }

    @Test
    void otherFailuresAreTranslatedAsBefore() throws Exception {
        Connection connection = mock(Connection.class);
        when(connection.getAutoCommit()).thenReturn(true);
        doThrow(ioError()).when(connection).rollback();
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource(connection));
        new CommitFailures().customize(transactions);

        assertThatThrownBy(() -> transactions.rollback(transactions.getTransaction(null)))
                .isInstanceOf(DataAccessResourceFailureException.class).hasMessageStartingWith("JDBC rollback;");
    }

    private static Connection lostAtCommit() throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.getAutoCommit()).thenReturn(true);
        doThrow(ioError()).when(connection).commit();
        doThrow(new SQLException("Connection is closed")).when(connection).rollback();
        return connection;
    }

    private static SQLException ioError() {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketTimeoutException("Read timed out"));
    }

    private static DataSource dataSource(Connection connection) throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(connection);
        return dataSource;
    }
}

package fr.labos.partenariats.platform.database;

import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizer;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.TransactionSystemException;

/**
 * Keeps a failed commit a {@link TransactionSystemException} "JDBC commit failed", which the problem handler answers
 * with a 500 since the database may have committed (a commit whose answer was lost, to a socket timeout or a broken
 * connection). Spring's {@link JdbcTransactionManager} would translate it into a {@code DataAccessException} instead,
 * and then roll back on the connection that just failed: that rollback fails in turn ("Connection is closed"), its
 * "JDBC rollback failed" replaces the commit's failure, and the client was told « réessayez » about a write that may
 * be in the database. A {@code TransactionSystemException} is thrown as it is, with no rollback attempted. Any other
 * task's failure is translated as before.
 */
public class CommitFailures implements TransactionManagerCustomizer<JdbcTransactionManager> {

    /** The task name {@link JdbcTransactionManager} gives a commit's failure. */
    static final String COMMIT = "JDBC commit";

    @Override
    public void customize(JdbcTransactionManager transactionManager) {
        SQLExceptionTranslator translator = transactionManager.getExceptionTranslator();
        // Untranslated (null), the failure becomes the manager's TransactionSystemException(task + " failed").
        transactionManager.setExceptionTranslator((task, sql, failure) ->
                COMMIT.equals(task) ? null : translator.translate(task, sql, failure));
    }
}

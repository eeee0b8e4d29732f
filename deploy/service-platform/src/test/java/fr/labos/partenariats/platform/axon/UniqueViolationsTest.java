package fr.labos.partenariats.platform.axon;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueViolationsTest {

    @Test
    void aUniqueViolationInsideABatchUpdateIsRecognised() {
        // As pgjdbc reports a batch insert refused by a unique index: the violation is the next exception.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry ... was aborted",
                "23505", 0, new int[0]);
        assertThat(UniqueViolations.isUniqueViolation(batch)).isTrue();
        BatchUpdateException withoutState = new BatchUpdateException("Batch entry 0 ... was aborted", null, 0, new int[0]);
        withoutState.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(UniqueViolations.isUniqueViolation(withoutState)).isTrue();
    }

    @Test
    void aUniqueViolationWrappedByTheFrameworkIsRecognised() {
        Exception wrapped = new IllegalStateException("append failed",
                new RuntimeException(new SQLException("duplicate key", "23505")));
        assertThat(UniqueViolations.isUniqueViolation(wrapped)).isTrue();
    }

    @Test
    void otherFailuresAreNotConflicts() {
        assertThat(UniqueViolations.isUniqueViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(UniqueViolations.isUniqueViolation(new SQLException("not null violation", "23502"))).isFalse();
        assertThat(UniqueViolations.isUniqueViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}

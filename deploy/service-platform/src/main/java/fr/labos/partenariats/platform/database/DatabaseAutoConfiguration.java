package fr.labos.partenariats.platform.database;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What a service's event store connections do when PostgreSQL stops answering, where the services' own settings
 * cannot say it: a commit that failed stays a failed commit ({@link CommitFailures}).
 */
@AutoConfiguration
@ConditionalOnClass(JdbcTransactionManager.class)
public class DatabaseAutoConfiguration {

    @Bean
    CommitFailures commitFailures() {
        return new CommitFailures();
    }
}

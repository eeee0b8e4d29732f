package fr.labos.partenariats.platform.database;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What a service's event store connections do when PostgreSQL stops answering, where the services' own settings
 * cannot say it: a commit that failed stays a failed commit ({@link CommitFailures}), and migrations are not bound
 * by the socket timeout that bounds every other statement ({@link MigrationsWithoutSocketTimeout}).
 */
@AutoConfiguration
@ConditionalOnClass(JdbcTransactionManager.class)
public class DatabaseAutoConfiguration {

    @Bean
    CommitFailures commitFailures() {
        return new CommitFailures();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    static class Migrations {

        @Bean
        MigrationsWithoutSocketTimeout migrationsWithoutSocketTimeout() {
            return new MigrationsWithoutSocketTimeout();
        }
    }
}

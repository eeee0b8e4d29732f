package fr.labos.partenariats.matchmaking.introduction.command;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * What the {@link Introduction} aggregate's handlers are given besides their command: the answer period (from
 * {@code lab.introductions.answer-period}), the service's {@code Clock} and Axon's deadline manager. The deadline
 * manager is the persistent {@code DbSchedulerDeadlineManager} (db-scheduler, one table in this service's
 * PostgreSQL): it keeps each introduction's answer deadline across restarts and fires it on one instance only,
 * without the extra infrastructure of JobRunr (its own dashboard and tables) or Quartz (eleven tables).
 */
@Configuration
class IntroductionCommandConfiguration {

    @Bean
    AnswerPeriod answerPeriod(@Value("${lab.introductions.answer-period:P14D}") Duration period) {
        return new AnswerPeriod(period);
    }
}

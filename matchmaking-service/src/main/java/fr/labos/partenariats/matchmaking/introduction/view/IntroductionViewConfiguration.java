package fr.labos.partenariats.matchmaking.introduction.view;

import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Duration;

/** The introduction views' dead-letter topic and the problems their endpoints answer. */
@Configuration(proxyBeanMethods = false)
class IntroductionViewConfiguration {

    /** Created at start if missing; kept for ever, like the topic it parks records of. */
    @Bean
    NewTopic introductionViewsDeadLetters(IntroductionViewProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    @Bean
    ProblemMapping<ViewNotCaughtUp> viewNotCaughtUpProblem() {
        return ProblemMapping.of(ViewNotCaughtUp.class, ProblemTypes.SERVICE_UNAVAILABLE)
                .detail("unavailable.introduction-view", e -> new Object[]{e.id()}).retryAfter(Duration.ofSeconds(2));
    }

    @Bean
    ProblemMapping<ViewNotFoundException> viewNotFoundProblem() {
        return ProblemMapping.of(ViewNotFoundException.class, ProblemTypes.NOT_FOUND)
                .detail(ViewNotFoundException::code, e -> new Object[]{e.id()});
    }
}

package fr.labos.partenariats.matchmaking.live;

import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The live stream's refusals; texts in {@code matchmaking-problems.properties} and its English twin. */
@Configuration(proxyBeanMethods = false)
class LiveProblems {

    /** A stream ends within half an hour at most (its token's life): a place frees up well before that, usually. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @Bean
    ProblemMapping<LiveStreamsFull> liveStreamsFullProblem() {
        return ProblemMapping.of(LiveStreamsFull.class, ProblemTypes.SERVICE_UNAVAILABLE)
                .detail("unavailable.live-streams", e -> new Object[0]).retryAfter(RETRY_AFTER);
    }
}

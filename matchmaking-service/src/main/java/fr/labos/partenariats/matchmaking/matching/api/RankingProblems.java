package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.PostNotOpenException;
import fr.labos.partenariats.matchmaking.matching.UnknownActorException;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Which problem each refusal of the ranking endpoints answers, in the platform's one shape; the texts are in
 * {@code matchmaking-problems.properties} (French) and {@code matchmaking-problems_en.properties}. A store unreachable
 * or busy (MongoDB's read models, PostgreSQL read through Spring's JDBC) is service-platform's 503 to retry; these
 * bundles only word its detail for the matchmaking data ({@code problem.unavailable.store}).
 */
@Configuration(proxyBeanMethods = false)
class RankingProblems {

    /** How long a client should wait before asking again while the index loads. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Bean
    ProblemMapping<PostNotOpenException> postNotOpenProblem() {
        return ProblemMapping.of(PostNotOpenException.class, ProblemTypes.NOT_FOUND)
                .detail(e -> e.kind() == PostKind.NEED ? "not-open.need" : "not-open.offer",
                        e -> new Object[]{e.postId()});
    }

    @Bean
    ProblemMapping<UnknownActorException> unknownActorProblem() {
        return ProblemMapping.of(UnknownActorException.class, ProblemTypes.NOT_FOUND)
                .detail("not-found.actor", e -> new Object[]{e.actorId()});
    }

    @Bean
    ProblemMapping<InvalidParameterException> invalidParameterProblem() {
        return ProblemMapping.of(InvalidParameterException.class, ProblemTypes.INVALID_INPUT)
                .field(InvalidParameterException::parameter)
                .detail(InvalidParameterException::code, InvalidParameterException::arguments);
    }

    @Bean
    ProblemMapping<IndexNotReadyException> indexNotReadyProblem() {
        return ProblemMapping.of(IndexNotReadyException.class, ProblemTypes.SERVICE_UNAVAILABLE)
                .detail("unavailable.index-loading", e -> new Object[0]).retryAfter(RETRY_AFTER);
    }
}

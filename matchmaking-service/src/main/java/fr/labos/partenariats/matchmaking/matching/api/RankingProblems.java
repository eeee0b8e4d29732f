package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.matchmaking.matching.IndexNotReadyException;
import fr.labos.partenariats.matchmaking.matching.PostNotOpenException;
import fr.labos.partenariats.matchmaking.matching.UnknownActorException;
import fr.labos.partenariats.matchmaking.engine.model.PostKind;
import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import java.time.Duration;

/**
 * Which problem each refusal of the ranking endpoints answers, in the platform's one shape; the texts are in
 * {@code matchmaking-problems.properties} (French) and {@code matchmaking-problems_en.properties}.
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

    /**
     * A store unreachable (MongoDB's read models, or PostgreSQL read through Spring's JDBC): nothing can be read right
     * now, and asking again later may work.
     */
    @Bean
    ProblemMapping<DataAccessResourceFailureException> storeUnreachableProblem() {
        return ProblemMapping.of(DataAccessResourceFailureException.class, ProblemTypes.SERVICE_UNAVAILABLE)
                .detail("unavailable.projection", e -> new Object[0]).retryAfter(RETRY_AFTER);
    }

    /**
     * A store that timed out or lost a lock race: again a moment to wait. Any other {@code DataAccessException} (a
     * duplicate key, a bad query, a value the store refuses) is a fault of the service that asking again will not
     * mend: it stays a 500, logged as an error, instead of « réessayez » for ever.
     */
    @Bean
    ProblemMapping<TransientDataAccessException> storeBusyProblem() {
        return ProblemMapping.of(TransientDataAccessException.class, ProblemTypes.SERVICE_UNAVAILABLE)
                .detail("unavailable.projection", e -> new Object[0]).retryAfter(RETRY_AFTER);
    }
}

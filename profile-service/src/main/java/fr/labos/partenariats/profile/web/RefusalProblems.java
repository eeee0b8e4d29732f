package fr.labos.partenariats.profile.web;

import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import fr.labos.partenariats.profile.domain.ConflictException;
import fr.labos.partenariats.profile.domain.InvalidInputException;
import fr.labos.partenariats.profile.domain.NotFoundException;
import fr.labos.partenariats.profile.domain.PreconditionFailedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which problem each refusal of profile-service answers; the texts are in {@code profile-problems.properties}
 * (French) and {@code profile-problems_en.properties}.
 */
@Configuration(proxyBeanMethods = false)
class RefusalProblems {

    @Bean
    ProblemMapping<NotFoundException> notFoundProblem() {
        return ProblemMapping.of(NotFoundException.class, ProblemTypes.NOT_FOUND);
    }

    @Bean
    ProblemMapping<ConflictException> conflictProblem() {
        return ProblemMapping.of(ConflictException.class, ProblemTypes.CONFLICT);
    }

    @Bean
    ProblemMapping<PreconditionFailedException> preconditionFailedProblem() {
        return ProblemMapping.of(PreconditionFailedException.class, ProblemTypes.PRECONDITION_FAILED);
    }

    @Bean
    ProblemMapping<InvalidInputException> invalidInputProblem() {
        return ProblemMapping.of(InvalidInputException.class, ProblemTypes.INVALID_INPUT).field(InvalidInputException::field);
    }

    /**
     * Two instances changed the same actor, need or offer at the same moment: the event store's unique (aggregate,
     * sequence) refused the second, which wrote nothing; the client may try again.
     */
    @Bean
    ProblemMapping<ConcurrencyException> concurrentChangeProblem() {
        return ProblemMapping.of(ConcurrencyException.class, ProblemTypes.CONFLICT)
                .detail("conflict.concurrent-change", e -> new Object[0]);
    }

    /** An id that names nothing in the event store. */
    @Bean
    ProblemMapping<AggregateNotFoundException> unknownIdProblem() {
        return ProblemMapping.of(AggregateNotFoundException.class, ProblemTypes.NOT_FOUND)
                .detail("not-found.id", e -> new Object[]{e.getAggregateIdentifier()});
    }

    /**
     * The id of another kind of aggregate (an offer's id under /needs, a need's as an actor's): the event store
     * finds its events by id alone, none of them initialises the aggregate asked for, and Axon refuses the load.
     * Every aggregate here sets its id in its creation handler, so this only happens with an id of the wrong kind.
     */
    @Bean
    ProblemMapping<IncompatibleAggregateException> idOfAnotherKindProblem() {
        return ProblemMapping.of(IncompatibleAggregateException.class, ProblemTypes.NOT_FOUND)
                .detail("not-found.kind", e -> new Object[0]);
    }
}

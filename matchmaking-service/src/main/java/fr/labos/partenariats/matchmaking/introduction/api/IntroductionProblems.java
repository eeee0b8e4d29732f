package fr.labos.partenariats.matchmaking.introduction.api;

import fr.labos.partenariats.matchmaking.introduction.command.IntroductionConflict;
import fr.labos.partenariats.matchmaking.introduction.command.IntroductionForbidden;
import fr.labos.partenariats.matchmaking.introduction.command.InvalidIntroduction;
import fr.labos.partenariats.matchmaking.introduction.command.UnknownMeeting;
import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.platform.problem.ExtraProblems;
import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Which problem each refusal of the introduction API answers: the introduction's state forbids it (409), the caller
 * has no say in it (403), the request is invalid (400), no such introduction (404), the pair's introductions set it
 * aside (409), or the matcher does not propose the pair asked for (409). Texts in {@code matchmaking-problems.properties} (French) and {@code _en}.
 */
@Configuration(proxyBeanMethods = false)
class IntroductionProblems {

    /** What the OpenAPI document says of these operations besides the statuses every operation has. */
    @Bean
    ExtraProblems introductionApiProblems() {
        // A proposal names its two actors (404) and its pair may be set aside (409); the follow-up list at the same
        // path (GET) finds nothing missing and conflicts with nothing.
        return (method, path) -> path.equals("/api/introductions") ? ("POST".equals(method) ? Set.of(404, 409) : Set.of())
                : path.startsWith("/api/introductions/") ? Set.of(409) : Set.of();
    }

    @Bean
    ProblemMapping<IntroductionConflict> introductionConflictProblem(ProjectionReader actors) {
        return ProblemMapping.of(IntroductionConflict.class, ProblemTypes.CONFLICT)
                .detail(e -> e.getCodes()[0], e -> byName(e.getArguments(), actors));
    }

    /** A meeting the introduction never planned: the address names nothing. */
    @Bean
    ProblemMapping<UnknownMeeting> unknownMeetingProblem() {
        return ProblemMapping.of(UnknownMeeting.class, ProblemTypes.NOT_FOUND);
    }

    @Bean
    ProblemMapping<IntroductionForbidden> introductionForbiddenProblem(ProjectionReader actors) {
        return ProblemMapping.of(IntroductionForbidden.class, ProblemTypes.FORBIDDEN)
                .detail(e -> e.getCodes()[0], e -> byName(e.getArguments(), actors));
    }

    @Bean
    ProblemMapping<InvalidIntroduction> invalidIntroductionProblem() {
        return ProblemMapping.of(InvalidIntroduction.class, ProblemTypes.INVALID_INPUT)
                .field(InvalidIntroduction::field)
                .detail("introduction.invalid", e -> new Object[]{ProblemMessages.written(e.getMessage())});
    }

    @Bean
    ProblemMapping<IntroductionNotFound> introductionNotFoundProblem() {
        return ProblemMapping.of(IntroductionNotFound.class, ProblemTypes.NOT_FOUND)
                .detail("not-found.introduction", e -> new Object[]{e.introductionId()});
    }

    /**
     * Two instances changed the same introduction at the same moment: the event store's unique (aggregate, sequence)
     * refused the second, which wrote nothing; the client may try again.
     */
    @Bean
    ProblemMapping<ConcurrencyException> concurrentChangeProblem() {
        return ProblemMapping.of(ConcurrencyException.class, ProblemTypes.CONFLICT)
                .detail("conflict.concurrent-change", e -> new Object[0]);
    }

    @Bean
    ProblemMapping<PairSetAside> pairSetAsideProblem(ProjectionReader actors) {
        return ProblemMapping.of(PairSetAside.class, ProblemTypes.CONFLICT)
                .detail("conflict.pair-set-aside", e -> byName(e.arguments(), actors));
    }

    @Bean
    ProblemMapping<PairNotProposed> pairNotProposedProblem(ProjectionReader actors) {
        return ProblemMapping.of(PairNotProposed.class, ProblemTypes.CONFLICT)
                .detail("conflict.pair-not-proposed", e -> byName(new Object[]{e.actorId(), e.partnerId()}, actors));
    }

    /**
     * The refusal's arguments, the actors among them said by their names, as the people reading it know them
     * (« L'acteur « Tremplin Insertion » a déjà répondu »), rather than by their ids; read in one query. An argument
     * that is no known actor's id (the introduction's, a meeting's) stays as it is.
     */
    static Object[] byName(Object[] arguments, ProjectionReader actors) {
        Map<String, String> names = actors.namesForMessages(
                Arrays.stream(arguments).filter(String.class::isInstance).map(String.class::cast).toList());
        return Arrays.stream(arguments).map(argument -> argument instanceof String id ? names.getOrDefault(id, id)
                : argument).toArray();
    }
}

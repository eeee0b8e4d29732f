package fr.labos.partenariats.matchmaking.introduction.history.api;

import fr.labos.partenariats.platform.problem.ExtraProblems;
import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** Which problem each refusal of the history and tree endpoints answers; texts in {@code matchmaking-problems}. */
@Configuration(proxyBeanMethods = false)
class HistoryProblems {

    /** For the OpenAPI document: an empty tree has no head (404); an event newer than the head asked for (409). */
    @Bean
    ExtraProblems introductionLogProblems() {
        return (method, path) -> switch (path) {
            case "/api/introduction-log/head", "/api/introduction-log/consistency" -> Set.of(404);
            case "/api/introduction-log/inclusion" -> Set.of(404, 409);
            default -> Set.of();
        };
    }

    @Bean
    ProblemMapping<UnknownIntroductionHistoryException> unknownIntroductionHistoryProblem() {
        return ProblemMapping.of(UnknownIntroductionHistoryException.class, ProblemTypes.NOT_FOUND)
                .detail("history.not-found.introduction", e -> new Object[]{e.introductionId()});
    }

    @Bean
    ProblemMapping<LogRequestException.Invalid> invalidLogRequestProblem() {
        return ProblemMapping.of(LogRequestException.Invalid.class, ProblemTypes.INVALID_INPUT)
                .field(LogRequestException.Invalid::parameter)
                .detail(LogRequestException::code, LogRequestException::arguments);
    }

    @Bean
    ProblemMapping<LogRequestException.NotFound> logEntryNotFoundProblem() {
        return ProblemMapping.of(LogRequestException.NotFound.class, ProblemTypes.NOT_FOUND)
                .detail(LogRequestException::code, LogRequestException::arguments);
    }

    @Bean
    ProblemMapping<LogRequestException.NotYetPublished> notYetPublishedProblem() {
        return ProblemMapping.of(LogRequestException.NotYetPublished.class, ProblemTypes.CONFLICT)
                .detail(LogRequestException::code, LogRequestException::arguments);
    }
}

package fr.labos.partenariats.matchmaking.introduction.batch;

import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The batch's own refusal as a problem document; the texts are in {@code matchmaking-problems.properties}. */
@Configuration(proxyBeanMethods = false)
class BatchProblems {

    @Bean
    ProblemMapping<InvalidBatchException> invalidBatchProblem() {
        return ProblemMapping.of(InvalidBatchException.class, ProblemTypes.INVALID_INPUT)
                .field(InvalidBatchException::field)
                .detail(InvalidBatchException::code, InvalidBatchException::arguments);
    }
}

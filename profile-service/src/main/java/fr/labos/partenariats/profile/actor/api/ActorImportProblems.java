package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The problems of the actors' import beyond the refusals every operation shares. */
@Configuration(proxyBeanMethods = false)
class ActorImportProblems {

    /** Another import runs: a 409 that says when to send the file again (imports take seconds). */
    @Bean
    ProblemMapping<ImportRunning> importRunningProblem() {
        return ProblemMapping.of(ImportRunning.class, ProblemTypes.CONFLICT).retryAfter(Duration.ofSeconds(5));
    }
}

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

    /**
     * The import ran past the longest a transaction may stay open, and was rolled back: a 503 that says to split the
     * file. The same file may pass once the database is less busy, hence the Retry-After; smaller files pass at once.
     */
    @Bean
    ProblemMapping<ImportTooLong> importTooLongProblem() {
        return ProblemMapping.of(ImportTooLong.class, ProblemTypes.SERVICE_UNAVAILABLE)
                // Numbers as text but the one that chooses « ligne » or « lignes »: no digit grouping in the detail.
                .detail("unavailable.import.too-long", e -> new Object[]{Long.toString(e.boundSeconds()), e.linesDone(),
                        Integer.toString(e.lines()), Integer.toString(e.linesDone())})
                .retryAfter(Duration.ofSeconds(60));
    }
}

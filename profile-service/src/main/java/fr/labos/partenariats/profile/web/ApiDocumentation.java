package fr.labos.partenariats.profile.web;

import fr.labos.partenariats.platform.problem.ExtraProblems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The title and description of profile-service's OpenAPI document, and the statuses beyond those every service declares. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI profileServiceApi() {
        return new OpenAPI().info(new Info()
                .title("profile-service — acteurs, besoins et offres")
                .version("v1")
                .description("""
                        Registers the actors of a partnership lab (associations, communes, companies, foundations...) \
                        and their needs and offers; every change is an event, relayed to matchmaking-service. \
                        Errors are RFC 7807 problem documents (application/problem+json), in French unless \
                        Accept-Language asks for English; bodies are limited in size and requests in rate (429 with \
                        Retry-After)."""));
    }

    /** A withdrawn or fulfilled post refuses a second withdrawal, an update or a fulfilment. */
    @Bean
    ExtraProblems postConflicts() {
        return (method, path) -> path.matches("/api/actors/\\{actorId}/(\\{kind}|needs|offers)/\\{[a-zA-Z]+}(/fulfilment|/withdrawal)?")
                && !method.equals("GET") ? Set.of(409) : Set.of();
    }

    /**
     * Memberships and invitations: the last manager stays one, an invitation serves once and until it expires, at most
     * 20 wait at once, and joining with a code answers 404 for a wrong code though its path names nothing.
     */
    @Bean
    ExtraProblems membershipConflicts() {
        return (method, path) -> {
            if (method.equals("POST") && path.equals("/api/me/actors")) {
                return Set.of(404, 409);
            }
            boolean membership = path.startsWith("/api/actors/{actorId}/members/") && !method.equals("GET");
            boolean invitation = path.startsWith("/api/actors/{actorId}/invitations") && !method.equals("GET");
            return membership || invitation ? Set.of(409) : Set.of();
        };
    }

    /**
     * The import of actors reads CSV only: a body declared as anything else is refused (415) before it is read. One
     * import runs at a time: another one under way answers 409 with Retry-After ({@code ActorImportProblems}). An
     * import that runs longer than a transaction of the event store may stay open is rolled back (503).
     */
    @Bean
    ExtraProblems actorImportRunning() {
        return ExtraProblems.retryingAfter((method, path) -> method.equals("POST") && path.equals("/api/actors/import"),
                Set.of(409));
    }

    @Bean
    ExtraProblems actorImportRefusals() {
        return (method, path) -> method.equals("POST") && path.equals("/api/actors/import") ? Set.of(415, 503) : Set.of();
    }

    /**
     * Two instances changed the same actor at the same moment: the event store refuses the second change (409, via
     * {@code RefusalProblems}), as it does for the posts, memberships and invitations already declared above.
     */
    @Bean
    ExtraProblems actorConcurrentChanges() {
        return (method, path) -> (method.equals("PUT") && path.equals("/api/actors/{actorId}"))
                || (method.equals("DELETE") && path.equals("/api/actors/{actorId}/contact")) ? Set.of(409) : Set.of();
    }

    /** Every operation of the API reads or writes PostgreSQL: while it is unreachable, 503 with Retry-After. */
    @Bean
    ExtraProblems databaseUnavailable() {
        return (method, path) -> path.startsWith("/api/") ? Set.of(503) : Set.of();
    }
}

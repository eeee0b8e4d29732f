package fr.labos.partenariats.matchmaking.matching.api;

import fr.labos.partenariats.platform.problem.ExtraProblems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The title and description of matchmaking-service's OpenAPI document, and its 503 while the index loads. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI matchmakingServiceApi() {
        return new OpenAPI().info(new Info()
                .title("matchmaking-service — mises en relation")
                .version("v1")
                .description("""
                        Ranks, for an open need, the offers that answer it; for an open offer, the needs it answers; \
                        and for an actor, its best partners, each with the reasons in French. Rankings follow the \
                        events of profile-service. Errors are RFC 7807 problem documents \
                        (application/problem+json), in French unless Accept-Language asks for English; requests are \
                        limited in rate (429 with Retry-After)."""));
    }

    /** The index may still be loading, or MongoDB away: 503 with Retry-After. */
    @Bean
    ExtraProblems rankingUnavailable() {
        return (method, path) -> path.startsWith("/api/") ? Set.of(503) : Set.of();
    }
}

package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.session.command.InvalidSession;
import fr.labos.partenariats.matchmaking.session.command.SessionConflict;
import fr.labos.partenariats.platform.problem.ExtraProblems;
import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * Which problem each refusal of the session API answers: the session's state forbids it (409), the request is
 * invalid (400), no such session or no such participant in it (404). The session's rules give their reason in French; texts in
 * {@code matchmaking-problems.properties} and {@code _en}.
 */
@Configuration(proxyBeanMethods = false)
class SessionProblems {

    @Bean
    ExtraProblems sessionApiProblems() {
        return (method, path) -> path.startsWith("/api/sessions") ? Set.of(404, 409) : Set.of();
    }

    @Bean
    ProblemMapping<SessionConflict> sessionConflictProblem() {
        return ProblemMapping.of(SessionConflict.class, ProblemTypes.CONFLICT)
                .detail("session.refused", e -> new Object[]{ProblemMessages.written(e.getMessage())});
    }

    @Bean
    ProblemMapping<InvalidSession> invalidSessionProblem() {
        return ProblemMapping.of(InvalidSession.class, ProblemTypes.INVALID_INPUT)
                .field(InvalidSession::field)
                .detail("session.refused", e -> new Object[]{ProblemMessages.written(e.getMessage())});
    }

    @Bean
    ProblemMapping<SessionNotFound> sessionNotFoundProblem() {
        return ProblemMapping.of(SessionNotFound.class, ProblemTypes.NOT_FOUND)
                .detail("not-found.session", e -> new Object[]{e.sessionId()});
    }

    @Bean
    ProblemMapping<ParticipantNotFound> participantNotFoundProblem() {
        return ProblemMapping.of(ParticipantNotFound.class, ProblemTypes.NOT_FOUND)
                .detail("not-found.session-participant", e -> new Object[]{e.actorId(), e.sessionId()});
    }
}

package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.matchmaking.projection.ProjectionReader;
import fr.labos.partenariats.matchmaking.session.command.InvalidSession;
import fr.labos.partenariats.matchmaking.session.command.SessionConflict;
import fr.labos.partenariats.matchmaking.session.command.SessionRefused;
import fr.labos.partenariats.platform.problem.ExtraProblems;
import fr.labos.partenariats.platform.problem.ProblemMapping;
import fr.labos.partenariats.platform.problem.ProblemMessages;
import fr.labos.partenariats.platform.problem.ProblemTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which problem each refusal of the session API answers: the session's state forbids it (409), the request is
 * invalid (400), no such session or no such participant in it (404). The session's rules give their reason in French,
 * the actors they name said by name; texts in
 * {@code matchmaking-problems.properties} and {@code _en}.
 */
@Configuration(proxyBeanMethods = false)
class SessionProblems {

    @Bean
    ExtraProblems sessionApiProblems() {
        return (method, path) -> path.startsWith("/api/sessions") ? Set.of(404, 409) : Set.of();
    }

    @Bean
    ProblemMapping<SessionConflict> sessionConflictProblem(ProjectionReader actors) {
        return ProblemMapping.of(SessionConflict.class, ProblemTypes.CONFLICT)
                .detail("session.refused", e -> new Object[]{ProblemMessages.written(said(e, actors))});
    }

    @Bean
    ProblemMapping<InvalidSession> invalidSessionProblem(ProjectionReader actors) {
        return ProblemMapping.of(InvalidSession.class, ProblemTypes.INVALID_INPUT)
                .field(InvalidSession::field)
                .detail("session.refused", e -> new Object[]{ProblemMessages.written(said(e, actors))});
    }

    /**
     * The refusal as a sentence, the actors it names said by their names, as the facilitator knows them (« Association
     * Tremplin »), read in one query; an actor the projection does not know, or names unreadable just then, keep their
     * ids.
     */
    private static String said(SessionRefused refused, ProjectionReader actors) {
        Map<String, String> names = actors.namesForMessages(
                refused.actorIds().stream().filter(Objects::nonNull).toList());
        String said = refused.naming(id -> Optional.ofNullable(names.get(id)).map(name -> "« " + name + " »").orElse(id));
        // The rules word their reasons as clauses (« la session est close »); a problem's detail is a sentence.
        String sentence = said.substring(0, 1).toUpperCase(Locale.FRENCH) + said.substring(1);
        return sentence.matches(".*[.!?…]$") ? sentence : sentence + ".";
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

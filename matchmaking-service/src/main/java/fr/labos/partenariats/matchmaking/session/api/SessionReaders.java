package fr.labos.partenariats.matchmaking.session.api;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;

/**
 * Who may read a session as it stands now — those who run it and the members of its participants
 * ({@link SessionAccess}) — for a reader outside this package: the live stream names a session only to them.
 */
@Component
public class SessionReaders {

    private final SessionReader sessions;
    private final SessionAccess access;

    SessionReaders(SessionReader sessions, SessionAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    /** Those who see the session; admins only if no session has that id. */
    public Predicate<LabPrincipal> of(String sessionId) {
        try {
            return access.seers(sessions.read(sessionId));
        } catch (SessionNotFound e) {
            return principal -> principal.is(LabRole.ADMIN);
        }
    }
}

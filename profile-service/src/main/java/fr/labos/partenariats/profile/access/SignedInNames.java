package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.LabPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's name, kept from its token where its role shows it: to its organisations' members
 * ({@link MemberNames}) and, for the lab's team, to the organisations it works with ({@link LabTeam}).
 */
@Component
public class SignedInNames {

    private static final Logger log = LoggerFactory.getLogger(SignedInNames.class);

    private final MemberNames members;
    private final LabTeam team;

    SignedInNames(MemberNames members, LabTeam team) {
        this.members = members;
        this.team = team;
    }

    /** On a visit: a store that fails fails the request, which wrote nothing else. */
    public void remember(LabPrincipal principal) {
        members.rememberSignedIn(principal);
        team.rememberSignedIn(principal);
    }

    /**
     * After a command that was acknowledged (an organisation registered, one joined), outside its transaction: a
     * failure here must not answer « réessayez » for what is done, or trying again would register the organisation
     * twice. The name is written at the person's next visit ({@link #remember}: the console reads it at every opening).
     */
    public void rememberAfterCommand(LabPrincipal principal) {
        try {
            remember(principal);
        } catch (DataAccessException e) {
            log.warn("Name of {} not kept after its command (kept at its next visit): {}", principal.subject(), e.toString());
        }
    }
}

package fr.labos.partenariats.profile.access;

import fr.labos.partenariats.platform.security.ActionForbiddenException;
import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.platform.security.LabRole;
import fr.labos.partenariats.profile.domain.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The lab's team by name, for anyone signed in: the people of an organisation read who of the lab acted on their
 * introductions (the history names them by pseudonymous subject). Names and roles only, no contact. An admin deletes a
 * name at once, on its person's request.
 */
@RestController
class LabTeamController {

    private static final Logger log = LoggerFactory.getLogger(LabTeamController.class);

    private final LabTeam team;

    LabTeamController(LabTeam team) {
        this.team = team;
    }

    @Operation(operationId = "labTeam")
    @GetMapping("/api/lab-team")
    List<LabTeam.Person> team() {
        return team.members();
    }

    /**
     * Deletes the name kept for that person (the histories show its pseudonym again): for admins, who honour a request
     * for erasure without waiting for the name to be forgotten. A subject the lab keeps no name for is a 404 problem
     * (a mistyped subject is said, not taken for done); {@code GET /api/lab-team} says who is named.
     */
    @Operation(operationId = "forgetLabTeamName", summary = "Effacer le nom d'une personne de l'équipe du labo")
    @DeleteMapping("/api/lab-team/{subject}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(@PathVariable String subject, @AuthenticationPrincipal LabPrincipal principal) {
        if (!principal.is(LabRole.ADMIN)) {
            throw new ActionForbiddenException("Seule l'administration du labo efface le nom d'une personne de son "
                    + "équipe.");
        }
        if (!team.forget(subject)) {
            throw new NotFoundException("not-found.team-name", subject);
        }
        // Who erased whose name, by their pseudonyms: the trace an erasure request leaves.
        log.info("Lab team name of {} deleted at the request of admin {}", subject, principal.subject());
    }
}

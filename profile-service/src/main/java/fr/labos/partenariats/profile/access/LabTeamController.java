package fr.labos.partenariats.profile.access;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The lab's team by name, for anyone signed in: the people of an organisation read who of the lab acted on their
 * introductions (the history names them by pseudonymous subject). Names and roles only, no contact.
 */
@RestController
class LabTeamController {

    private final LabTeam team;

    LabTeamController(LabTeam team) {
        this.team = team;
    }

    @Operation(operationId = "labTeam")
    @GetMapping("/api/lab-team")
    List<LabTeam.Person> team() {
        return team.members();
    }
}

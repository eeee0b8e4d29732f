package fr.labos.partenariats.profile.actor.api;

import fr.labos.partenariats.platform.security.LabPrincipal;
import fr.labos.partenariats.profile.access.ActorAccess;
import fr.labos.partenariats.profile.actor.query.ActorView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The organisations the caller is a member of (its token's, and those it registered), so that a browser application
 * can open "my organisation" without deciding membership itself. Empty for a viewer, and for a facilitator or admin
 * who registered nothing.
 */
@RestController
class MyActorsController {

    private final ActorAccess access;

    MyActorsController(ActorAccess access) {
        this.access = access;
    }

    @GetMapping("/api/me/actors")
    List<ActorView> myActors(@AuthenticationPrincipal LabPrincipal principal) {
        return access.memberOf(principal);
    }
}
